# METADATA
# title: EBS volumes are encrypted
# description: >-
#   Unencrypted volumes, their snapshots and the root disks of instances
#   hold data in the clear for anyone who can copy a snapshot.
# custom:
#   id: aws-ebs-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_ebs_encryption_by_default, aws_ebs_volume, aws_instance, AWS::EC2::Volume]
#   remediation: Set encrypted = true on aws_ebs_volume and on instance block devices (or turn on EBS encryption by default for the account).
#   rationale:
#     CC6.1: >-
#       Unencrypted volumes, their snapshots and instance root disks hold data in
#       the clear, without the encryption at rest CC6.1 expects.
#     C1.1: >-
#       Confidential data on an unencrypted volume is exposed to anyone who can
#       copy or share one of its snapshots.
#     ITGC-LA-3: >-
#       Financial data on an unencrypted volume is not protected at rest, and its
#       snapshots can be copied, shared or attached elsewhere with no key policy
#       to stop it.
#   limitations: >-
#     EBS encryption by default turned on for the account outside this code
#     (console, another repository) covers every new volume but is not seen, so
#     such volumes are still reported; launch templates and CloudFormation
#     instance block devices are not examined.
package assure.aws.ebs_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Encryption by default for the account covers every new volume.
account_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_true(object.get(d.body, "enabled", true))
}

resources contains v.id if some v in tf.resources("aws_ebs_volume")

deny contains {"msg": msg, "resource": v.id, "attribute": "encrypted"} if {
	not account_default
	some v in tf.resources("aws_ebs_volume")
	not tf.is_true(object.get(v.body, "encrypted", false))
	msg := sprintf("EBS volume %s is not encrypted", [v.name])
}

resources contains i.id if some i in tf.resources("aws_instance")

deny contains {"msg": msg, "resource": i.id, "attribute": concat(".", [kind, "encrypted"])} if {
	not account_default
	some i in tf.resources("aws_instance")
	some kind in ["root_block_device", "ebs_block_device"]
	some dev in i.body[kind]
	not tf.is_true(object.get(dev, "encrypted", false))
	msg := sprintf("instance %s has an unencrypted %s", [i.name, replace(kind, "_", " ")])
}

resources contains v.id if some v in cfn.resources("AWS::EC2::Volume")

deny contains {"msg": msg, "resource": v.id, "attribute": "Properties"} if {
	some v in cfn.resources("AWS::EC2::Volume")
	not cfn.is_true(object.get(v.props, "Encrypted", false))
	msg := sprintf("EBS volume %s is not encrypted", [v.id])
}
