package assure.aws.rds_backup_retention_test

import data.assure.aws.rds_backup_retention as b
import rego.v1

test_default_and_short_retention_fail if {
	count(b.deny) == 1 with input as {"resource": {"aws_db_instance": {"db": [{}]}}}
	count(b.deny) == 1 with input as {"resource": {"aws_rds_cluster": {"c": [{"backup_retention_period": 3}]}}}
}

test_long_retention_and_replicas_pass if {
	count(b.deny) == 0 with input as {"resource": {"aws_db_instance": {"db": [{"backup_retention_period": "14"}]}}}
	count(b.deny) == 0 with input as {"resource": {"aws_db_instance": {"r": [{"replicate_source_db": "${aws_db_instance.db.identifier}"}]}}}
}

test_cloudformation if {
	count(b.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {}}}}
	count(b.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {"BackupRetentionPeriod": "35"}}}}
}
