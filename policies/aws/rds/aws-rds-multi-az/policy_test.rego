package assure.aws.rds_multi_az_test

import data.assure.aws.rds_multi_az as maz
import rego.v1

test_single_az_fails if {
	count(maz.deny) == 1 with input as {"resource": {"aws_db_instance": {"db": [{}]}}}
	count(maz.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {}}}}
}

test_multi_az_and_aurora_members_pass if {
	count(maz.deny) == 0 with input as {"resource": {"aws_db_instance": {"db": [{"multi_az": true}]}}}
	count(maz.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::RDS::DBInstance", "Properties": {"DBClusterIdentifier": {"Ref": "C"}}}}}
}
