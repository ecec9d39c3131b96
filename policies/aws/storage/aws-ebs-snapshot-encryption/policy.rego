# METADATA
# title: EBS snapshots and snapshot copies are encrypted
# description: >-
#   A snapshot of an unencrypted volume, or a snapshot copied without
#   encryption, is a full copy of the disk in clear that can be shared with or
#   copied to another account with no key policy to stop it.
# custom:
#   id: aws-ebs-snapshot-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [aws_ebs_snapshot, aws_ebs_snapshot_copy, aws_ebs_volume, aws_ebs_encryption_by_default]
#   remediation: >-
#     Set encrypted = true (with a customer-managed kms_key_id) on
#     aws_ebs_snapshot_copy, and snapshot only encrypted volumes (encrypted =
#     true on the aws_ebs_volume, or EBS encryption by default).
#   rationale:
#     CC6.1: Snapshots without encryption at rest lack the logical protection of stored information the criterion expects.
#     C1.1: A clear-text snapshot exposes the confidential data of the whole disk to anyone it is shared with.
#     ITGC-LA-3: Financial data in the snapshot is not protected at rest and can be copied or restored elsewhere.
#   limitations: >-
#     A snapshot is judged by the aws_ebs_volume it refers to in the same
#     module; volumes from elsewhere are not judged. A copy of an encrypted
#     snapshot stays encrypted without the flag, and EBS encryption by default
#     enabled outside this code, are not seen. CloudFormation has no snapshot
#     resource.
package assure.aws.ebs_snapshot_encryption

import data.assure.lib.terraform as tf
import rego.v1

account_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_true(object.get(d.body, "enabled", true))
}

unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

resources contains s.id if some s in tf.resources("aws_ebs_snapshot")

# The volumes of the module that are not encrypted.
clear_volumes contains v.name if {
	some v in tf.resources("aws_ebs_volume")
	e := object.get(v.body, "encrypted", false)
	not tf.is_true(e)
	not unknown(e)
}

deny contains {"msg": msg, "resource": s.id, "attribute": "volume_id"} if {
	not account_default
	some s in tf.resources("aws_ebs_snapshot")
	some name in clear_volumes
	tf.references(object.get(s.body, "volume_id", ""), "aws_ebs_volume", name)
	msg := sprintf("%s snapshots the unencrypted volume aws_ebs_volume.%s", [s.id, name])
}

resources contains c.id if some c in tf.resources("aws_ebs_snapshot_copy")

deny contains {"msg": msg, "resource": c.id, "attribute": "encrypted"} if {
	not account_default
	some c in tf.resources("aws_ebs_snapshot_copy")
	e := object.get(c.body, "encrypted", false)
	not tf.is_true(e)
	not unknown(e)
	msg := sprintf("%s does not encrypt the snapshot copy (encrypted is not true)", [c.id])
}
