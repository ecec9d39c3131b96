package assure.aws.rds_final_snapshot_test

import data.assure.aws.rds_final_snapshot as c
import rego.v1

db(body) := {"resource": {"aws_db_instance": {"db": [body]}}}

test_skip_final_snapshot_fails if {
	count(c.deny) == 1 with input as db({"skip_final_snapshot": true})
	count(c.deny) == 1 with input as {"resource": {"aws_rds_cluster": {"c": [{"skip_final_snapshot": "true"}]}}}
}

test_final_snapshot_passes if {
	count(c.deny) == 0 with input as db({})
	count(c.deny) == 0 with input as db({"skip_final_snapshot": false, "final_snapshot_identifier": "db-final"})
	count(c.deny) == 0 with input as db({"skip_final_snapshot": "${var.skip}"})
}

test_replicas_are_not_targets if {
	count(c.resources) == 0 with input as db({"replicate_source_db": "${aws_db_instance.primary.identifier}", "skip_final_snapshot": true})
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "DeletionPolicy": "Delete", "Properties": {}}}}
	count(c.deny) == 0 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {}}}}
	count(c.deny) == 0 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBCluster", "DeletionPolicy": "Snapshot"}}}
	count(c.deny) == 0 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBCluster", "DeletionPolicy": "Retain"}}}
	count(c.resources) == 0 with input as {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "DeletionPolicy": "Delete", "Properties": {"DBClusterIdentifier": {"Ref": "C"}}}}}
}
