package assure.aws.cloudtrail_logging_enabled_test

import data.assure.aws.cloudtrail_logging_enabled as ct
import rego.v1

test_stopped_trail_fails if {
	count(ct.deny) == 1 with input as {"resource": {"aws_cloudtrail": {"t": [{"enable_logging": false}]}}}
	count(ct.deny) == 1 with input as {"Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": false}}}}
}

test_default_trail_passes if {
	count(ct.deny) == 0 with input as {"resource": {"aws_cloudtrail": {"t": [{"name": "t"}]}}}
	count(ct.deny) == 0 with input as {"Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true}}}}
}
