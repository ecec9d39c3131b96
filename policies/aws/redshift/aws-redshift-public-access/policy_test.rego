package assure.aws.redshift_public_access_test

import data.assure.aws.redshift_public_access as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{"publicly_accessible": true}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{"publicly_accessible": "true"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"publicly_accessible": false}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"publicly_accessible": "false"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_redshift_cluster": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"x": [{"publicly_accessible": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": true}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Redshift::Cluster", "Properties": {"PubliclyAccessible": {"Fn::If": ["Prod", false, true]}}}}}

}
