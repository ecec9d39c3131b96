package assure.aws.ebs_encryption_test

import data.assure.aws.ebs_encryption as ebs
import rego.v1

test_unencrypted_volume_and_root_disk_fail if {
	count(ebs.deny) == 1 with input as {"resource": {"aws_ebs_volume": {"v": [{"size": 10}]}}}
	count(ebs.deny) == 1 with input as {"resource": {"aws_instance": {"i": [{"root_block_device": [{"volume_size": 20}]}]}}}
}

test_encrypted_and_account_default_pass if {
	count(ebs.deny) == 0 with input as {"resource": {"aws_ebs_volume": {"v": [{"encrypted": true}]}}}
	count(ebs.deny) == 0 with input as {"resource": {"aws_ebs_volume": {"v": [{}]}, "aws_ebs_encryption_by_default": {"on": [{"enabled": true}]}}}
}
