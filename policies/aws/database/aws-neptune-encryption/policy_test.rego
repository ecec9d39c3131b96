package assure.aws.neptune_encryption_test

import data.assure.aws.neptune_encryption as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{"storage_encrypted": false}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{"storage_encrypted": "false"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"storage_encrypted": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"storage_encrypted": "true"}]}}}

}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_neptune_cluster": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_neptune_cluster": {"x": [{"storage_encrypted": "${var.setting}"}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": false}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": true}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": {"Ref": "Setting"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Neptune::DBCluster", "Properties": {"StorageEncrypted": {"Fn::If": ["Prod", true, false]}}}}}

}
