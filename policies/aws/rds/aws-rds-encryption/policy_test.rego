package assure.aws.rds_encryption_test

import data.assure.aws.rds_encryption as rds
import rego.v1

test_unencrypted_instance_fails if {
	count(rds.deny) == 1 with input as {"resource": {"aws_db_instance": {"db": [{"engine": "postgres"}]}}}
}

test_encrypted_cluster_passes if {
	count(rds.deny) == 0 with input as {"resource": {"aws_rds_cluster": {"c": [{"storage_encrypted": true}]}}}
}

test_unencrypted_cluster_fails if {
	count(rds.deny) == 1 with input as {"resource": {"aws_rds_cluster": {"c": [{"cluster_identifier": "c"}]}}}
}

test_aurora_member_instances_are_not_examined if {
	inp := {"resource": {"aws_rds_cluster_instance": {"m": [{"cluster_identifier": "${aws_rds_cluster.c.id}"}]}}}
	count(rds.resources) == 0 with input as inp
	count(rds.deny) == 0 with input as {"Resources": {"M": {"Type": "AWS::RDS::DBInstance", "Properties": {"DBClusterIdentifier": {"Ref": "C"}}}}}
}

test_cloudformation if {
	count(rds.deny) == 1 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mysql"}}}}
	count(rds.deny) == 0 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": "true"}}}}
}
