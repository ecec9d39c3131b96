# METADATA
# title: Launch templates encrypt the EBS volumes they declare
# description: >-
#   Every instance an Auto Scaling group or fleet starts from a launch
#   template gets the template's block devices: one declared without
#   encryption multiplies unencrypted volumes and snapshots across the fleet.
# custom:
#   id: aws-launch-template-ebs-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_launch_template, aws_ebs_encryption_by_default, AWS::EC2::LaunchTemplate]
#   remediation: Set encrypted = "true" in each block_device_mappings ebs block (Ebs.Encrypted in CloudFormation), or turn on EBS encryption by default for the account.
#   rationale:
#     CC6.1: Volumes launched without encryption at rest lack the logical protection of stored information the criterion expects.
#     C1.1: Confidential data written by every instance of the fleet is not protected on disk or in snapshots.
#     ITGC-LA-3: Financial data processed by the fleet is stored unprotected on its volumes.
#   limitations: >-
#     Templates that declare no block devices leave the volumes to the AMI and
#     are not judged; EBS encryption by default enabled outside this code, or
#     mappings from encrypted snapshots, make the volumes encrypted but are not
#     seen; values unknown before apply are not judged.
package assure.aws.launch_template_ebs_encryption

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

resources contains t.id if some t in tf.resources("aws_launch_template")

deny contains {"msg": msg, "resource": t.id, "attribute": attr} if {
	not account_default
	some t in tf.resources("aws_launch_template")
	is_array(t.body.block_device_mappings)
	some n, m in t.body.block_device_mappings
	is_array(m.ebs)
	some ebs in m.ebs
	v := object.get(ebs, "encrypted", false)
	not tf.is_true(v)
	not unknown(v)
	attr := sprintf("block_device_mappings[%d]", [n])
	msg := sprintf("%s declares an unencrypted EBS volume %v", [t.id, object.get(m, "device_name", n)])
}

resources contains t.id if some t in cfn.resources("AWS::EC2::LaunchTemplate")

cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": t.id, "attribute": attr} if {
	some t in cfn.resources("AWS::EC2::LaunchTemplate")
	mappings := object.get(object.get(t.props, "LaunchTemplateData", {}), "BlockDeviceMappings", [])
	is_array(mappings)
	some n, m in mappings
	is_object(m.Ebs)
	v := object.get(m.Ebs, "Encrypted", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	attr := sprintf("Properties.LaunchTemplateData.BlockDeviceMappings[%d]", [n])
	msg := sprintf("launch template %s declares an unencrypted EBS volume %v", [t.id, object.get(m, "DeviceName", n)])
}
