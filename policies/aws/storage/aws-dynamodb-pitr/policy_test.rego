package assure.aws.dynamodb_pitr_test

import data.assure.aws.dynamodb_pitr as pitr
import rego.v1

test_without_pitr_fails if {
	count(pitr.deny) == 1 with input as {"resource": {"aws_dynamodb_table": {"t": [{"name": "t"}]}}}
	count(pitr.deny) == 1 with input as {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}}
}

test_with_pitr_passes if {
	count(pitr.deny) == 0 with input as {"resource": {"aws_dynamodb_table": {"t": [{"point_in_time_recovery": [{"enabled": true}]}]}}}
}
