package assure.aws.ebs_snapshot_encryption_test

import data.assure.aws.ebs_snapshot_encryption as p
import rego.v1

snap(volume) := {"resource": {"aws_ebs_volume": {"data": [volume]}, "aws_ebs_snapshot": {"s": [{"volume_id": "${aws_ebs_volume.data.id}"}]}}}

test_snapshot_of_clear_volume_fails if {
	count(p.deny) == 1 with input as snap({"size": 10})
	count(p.deny) == 1 with input as snap({"size": 10, "encrypted": false})
}

test_snapshot_of_encrypted_or_unknown_volume_passes if {
	count(p.deny) == 0 with input as snap({"encrypted": true})
	count(p.deny) == 0 with input as snap({"encrypted": "${var.encrypt}"})
	count(p.deny) == 0 with input as {"resource": {"aws_ebs_snapshot": {"s": [{"volume_id": "vol-0123"}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_ebs_snapshot": {"s": [{"volume_id": "vol-0123"}]}}}
}

test_snapshot_copies if {
	count(p.deny) == 1 with input as {"resource": {"aws_ebs_snapshot_copy": {"c": [{"source_snapshot_id": "snap-1", "source_region": "eu-west-1"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_ebs_snapshot_copy": {"c": [{"source_snapshot_id": "snap-1", "encrypted": true}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_ebs_snapshot_copy": {"c": [{"encrypted": "${var.e}"}]}}}
}

test_account_default_passes if {
	count(p.deny) == 0 with input as object.union(snap({}), {"resource": {"aws_ebs_encryption_by_default": {"d": [{"enabled": true}]}}})
}
