# METADATA
# title: Launch configurations encrypt their EBS volumes
# description: >-
#   Every instance an Auto Scaling group starts from a launch configuration
#   gets its block devices: a root device left to the AMI or a volume declared
#   without encryption multiplies unencrypted volumes across the group.
# custom:
#   id: aws-launch-configuration-ebs-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_launch_configuration, aws_ebs_encryption_by_default, AWS::AutoScaling::LaunchConfiguration]
#   remediation: >-
#     Add root_block_device { encrypted = true } and encrypted = true on each
#     ebs_block_device (Ebs.Encrypted in CloudFormation mappings), turn on EBS
#     encryption by default, or move to a launch template.
#   rationale:
#     CC6.1: Volumes launched without encryption at rest lack the logical protection of stored information the criterion expects.
#     C1.1: Confidential data written by every instance of the group is not protected on disk or in snapshots.
#     ITGC-LA-3: Financial data processed by the group is stored unprotected on its volumes.
#   limitations: >-
#     A configuration with no root device (no root_block_device, or no mapping
#     in CloudFormation) is judged unencrypted; EBS encryption by default
#     enabled outside this code, or an AMI with encrypted snapshots, make the
#     volumes encrypted but are not seen; values unknown before apply are not
#     judged.
package assure.aws.launch_configuration_ebs_encryption

import data.assure.lib.cloudformation as cfn
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

# No root_block_device block, or an empty list of them.
no_root_device(body) if not body.root_block_device

no_root_device(body) if body.root_block_device == []

resources contains c.id if some c in tf.resources("aws_launch_configuration")

deny contains {"msg": msg, "resource": c.id, "attribute": "root_block_device"} if {
	not account_default
	some c in tf.resources("aws_launch_configuration")
	no_root_device(c.body)
	msg := sprintf("%s does not declare an encrypted root_block_device (the root volume is unencrypted unless the account encrypts by default)", [c.id])
}

deny contains {"msg": msg, "resource": c.id, "attribute": attr} if {
	not account_default
	some c in tf.resources("aws_launch_configuration")
	some kind in ["root_block_device", "ebs_block_device"]
	is_array(c.body[kind])
	some n, dev in c.body[kind]
	v := object.get(dev, "encrypted", false)
	not tf.is_true(v)
	not unknown(v)
	not dev.snapshot_id
	attr := sprintf("%s[%d]", [kind, n])
	msg := sprintf("%s declares an unencrypted %s", [c.id, replace(kind, "_", " ")])
}

resources contains c.id if some c in cfn.resources("AWS::AutoScaling::LaunchConfiguration")

cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": c.id, "attribute": "Properties.BlockDeviceMappings"} if {
	some c in cfn.resources("AWS::AutoScaling::LaunchConfiguration")
	not c.props.BlockDeviceMappings
	msg := sprintf("launch configuration %s does not declare an encrypted root device (the root volume is unencrypted unless the account encrypts by default)", [c.id])
}

deny contains {"msg": msg, "resource": c.id, "attribute": attr} if {
	some c in cfn.resources("AWS::AutoScaling::LaunchConfiguration")
	is_array(c.props.BlockDeviceMappings)
	some n, m in c.props.BlockDeviceMappings
	is_object(m.Ebs)
	v := object.get(m.Ebs, "Encrypted", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	not m.Ebs.SnapshotId
	attr := sprintf("Properties.BlockDeviceMappings[%d]", [n])
	msg := sprintf("launch configuration %s declares an unencrypted EBS volume %v", [c.id, object.get(m, "DeviceName", n)])
}
