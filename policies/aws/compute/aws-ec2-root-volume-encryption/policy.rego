# METADATA
# title: EC2 instances encrypt their root volumes
# description: >-
#   An instance that does not declare an encrypted root device gets the
#   AMI's unencrypted root volume unless the account encrypts by default: the
#   operating system, application files and any data written locally sit in
#   clear, as do the volume's snapshots.
# custom:
#   id: aws-ec2-root-volume-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_instance, aws_ebs_encryption_by_default, AWS::EC2::Instance]
#   remediation: >-
#     Add root_block_device { encrypted = true } to aws_instance (an Ebs
#     mapping with Encrypted true in CloudFormation), or turn on EBS encryption
#     by default with aws_ebs_encryption_by_default.
#   rationale:
#     CC6.1: A root volume without encryption at rest lacks the logical protection of stored information the criterion expects.
#     C1.1: Confidential data written to the instance's disk, and its snapshots, are not protected from disclosure.
#     ITGC-LA-3: Financial data processed on the instance is stored unprotected on its root volume and snapshots.
#   limitations: >-
#     EBS encryption by default enabled for the account outside this code, or
#     an AMI whose root snapshot is encrypted, makes the root volume encrypted
#     but is not seen. Terraform block devices declared with encrypted false
#     are aws-ebs-encryption's finding; in CloudFormation every declared EBS
#     mapping is judged here.
package assure.aws.ec2_root_volume_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Encryption by default for the account, in the same module, covers every
# new volume.
account_default if {
	some d in tf.resources("aws_ebs_encryption_by_default")
	tf.is_true(object.get(d.body, "enabled", true))
}

# No root_block_device block, or an empty list of them.
no_root_device(body) if not body.root_block_device

no_root_device(body) if body.root_block_device == []

resources contains i.id if some i in tf.resources("aws_instance")

deny contains {"msg": msg, "resource": i.id, "attribute": "root_block_device"} if {
	not account_default
	some i in tf.resources("aws_instance")
	no_root_device(i.body)
	msg := sprintf("%s does not declare an encrypted root_block_device (the root volume is unencrypted unless the account encrypts by default)", [i.id])
}

resources contains i.id if some i in cfn.resources("AWS::EC2::Instance")

cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": i.id, "attribute": "Properties.BlockDeviceMappings"} if {
	some i in cfn.resources("AWS::EC2::Instance")
	not i.props.BlockDeviceMappings
	msg := sprintf("instance %s does not declare an encrypted root device (the root volume is unencrypted unless the account encrypts by default)", [i.id])
}

deny contains {"msg": msg, "resource": i.id, "attribute": attr} if {
	some i in cfn.resources("AWS::EC2::Instance")
	is_array(i.props.BlockDeviceMappings)
	some n, m in i.props.BlockDeviceMappings
	is_object(m.Ebs)
	v := object.get(m.Ebs, "Encrypted", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	attr := sprintf("Properties.BlockDeviceMappings[%d]", [n])
	msg := sprintf("instance %s has an unencrypted EBS device %v", [i.id, object.get(m, "DeviceName", n)])
}
