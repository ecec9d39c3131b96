package assure.aws.neptune_iam_auth_test

import data.assure.aws.neptune_iam_auth as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{"iam_database_authentication_enabled": false}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{"iam_database_authentication_enabled": "false"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"iam_database_authentication_enabled": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"iam_database_authentication_enabled": "true"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"iam_database_authentication_enabled": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"IamAuthEnabled": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"IamAuthEnabled": true}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"IamAuthEnabled": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"IamAuthEnabled": {"Fn::If": ["Prod", true, false]}}}}}

}
