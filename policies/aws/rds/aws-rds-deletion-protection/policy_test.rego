package assure.aws.rds_deletion_protection_test

import data.assure.aws.rds_deletion_protection as dp
import rego.v1

test_unprotected_fails if {
	count(dp.deny) == 1 with input as {"resource": {"aws_rds_cluster": {"c": [{}]}}}
	count(dp.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {}}}}
}

test_protected_passes if {
	count(dp.deny) == 0 with input as {"resource": {"aws_db_instance": {"db": [{"deletion_protection": true}]}}}
	count(dp.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBCluster", "Properties": {"DeletionProtection": "true"}}}}
}
