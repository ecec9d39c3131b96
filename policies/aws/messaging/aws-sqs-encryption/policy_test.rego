package assure.aws.sqs_encryption_test

import data.assure.aws.sqs_encryption as sqs
import rego.v1

test_sse_off_fails if {
	count(sqs.deny) == 1 with input as {"resource": {"aws_sqs_queue": {"q": [{"sqs_managed_sse_enabled": false}]}}}
	count(sqs.deny) == 1 with input as {"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"SqsManagedSseEnabled": false}}}}
}

test_default_and_kms_pass if {
	count(sqs.deny) == 0 with input as {"resource": {"aws_sqs_queue": {"q": [{}]}}}
	count(sqs.deny) == 0 with input as {"resource": {"aws_sqs_queue": {"q": [{"kms_master_key_id": "alias/orders"}]}}}
}
