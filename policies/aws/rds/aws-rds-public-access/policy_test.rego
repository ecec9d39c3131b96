package assure.aws.rds_public_access_test

import data.assure.aws.rds_public_access as pa
import rego.v1

test_public_fails if {
	count(pa.deny) == 1 with input as {"resource": {"aws_db_instance": {"db": [{"publicly_accessible": true}]}}}
	count(pa.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {"PubliclyAccessible": "true"}}}}
}

test_private_passes if {
	count(pa.deny) == 0 with input as {"resource": {"aws_db_instance": {"db": [{}]}}}
	count(pa.deny) == 0 with input as {"resource": {"aws_rds_cluster_instance": {"i": [{"publicly_accessible": false}]}}}
}
