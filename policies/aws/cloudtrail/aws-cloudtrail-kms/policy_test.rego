package assure.aws.cloudtrail_kms_test

import data.assure.aws.cloudtrail_kms as kms
import rego.v1

test_without_key_fails if {
	count(kms.deny) == 1 with input as {"resource": {"aws_cloudtrail": {"t": [{"name": "t"}]}}}
}

test_with_key_passes if {
	count(kms.deny) == 0 with input as {"resource": {"aws_cloudtrail": {"t": [{"kms_key_id": "${aws_kms_key.trail.arn}"}]}}}
	count(kms.deny) == 0 with input as {"Resources": {"T": {"Type": "AWS::CloudTrail::Trail", "Properties": {"KMSKeyId": {"Ref": "Key"}}}}}
}
