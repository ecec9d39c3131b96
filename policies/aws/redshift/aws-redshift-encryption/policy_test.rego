package assure.aws.redshift_encryption_test

import data.assure.aws.redshift_encryption as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{"encrypted": false}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{"encrypted": "false"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"encrypted": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"encrypted": "true"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"encrypted": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": true}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"Encrypted": {"Fn::If": ["Prod", true, false]}}}}}

}
