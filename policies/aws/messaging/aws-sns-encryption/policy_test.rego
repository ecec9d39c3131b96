package assure.aws.sns_encryption_test

import data.assure.aws.sns_encryption as sns
import rego.v1

test_unencrypted_fails if {
	count(sns.deny) == 1 with input as {"resource": {"aws_sns_topic": {"t": [{"name": "alerts"}]}}}
	count(sns.deny) == 1 with input as {"Resources": {"T": {"Type": "AWS::SNS::Topic", "Properties": {}}}}
}

test_encrypted_passes if {
	count(sns.deny) == 0 with input as {"resource": {"aws_sns_topic": {"t": [{"kms_master_key_id": "alias/aws/sns"}]}}}
}
