package assure.aws.cloudwatch_log_retention_test

import data.assure.aws.cloudwatch_log_retention as ret
import rego.v1

test_missing_and_short_retention_fail if {
	count(ret.deny) == 1 with input as {"resource": {"aws_cloudwatch_log_group": {"g": [{"name": "/app"}]}}}
	count(ret.deny) == 1 with input as {"resource": {"aws_cloudwatch_log_group": {"g": [{"retention_in_days": 30}]}}}
}

test_a_year_or_more_passes if {
	count(ret.deny) == 0 with input as {"resource": {"aws_cloudwatch_log_group": {"g": [{"retention_in_days": 400}]}}}
	count(ret.deny) == 0 with input as {"Resources": {"G": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 365}}}}
}
