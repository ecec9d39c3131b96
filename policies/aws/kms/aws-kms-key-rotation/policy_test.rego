package assure.aws.kms_key_rotation_test

import data.assure.aws.kms_key_rotation as rot
import rego.v1

test_unrotated_key_fails if {
	count(rot.deny) == 1 with input as {"resource": {"aws_kms_key": {"k": [{}]}}}
	count(rot.deny) == 1 with input as {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": {}}}}
}

test_rotated_and_asymmetric_keys_pass if {
	count(rot.deny) == 0 with input as {"resource": {"aws_kms_key": {"k": [{"enable_key_rotation": true}]}}}
	count(rot.deny) == 0 with input as {"resource": {"aws_kms_key": {"sign": [{"customer_master_key_spec": "ECC_NIST_P256"}]}}}
}
