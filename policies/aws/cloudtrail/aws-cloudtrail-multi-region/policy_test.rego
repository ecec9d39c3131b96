package assure.aws.cloudtrail_multi_region_test

import data.assure.aws.cloudtrail_multi_region as ct
import rego.v1

test_default_trail_fails_twice if {
	count(ct.deny) == 2 with input as {"resource": {"aws_cloudtrail": {"t": [{"name": "t"}]}}}
}

test_complete_trail_passes if {
	body := {"is_multi_region_trail": true, "enable_log_file_validation": true}
	count(ct.deny) == 0 with input as {"resource": {"aws_cloudtrail": {"t": [body]}}}
}

test_cloudformation_validation_missing if {
	props := {"IsMultiRegionTrail": true}
	count(ct.deny) == 1 with input as {"Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": props}}}
}
