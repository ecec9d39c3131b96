# METADATA
# title: AWS Config records every resource type and is running
# description: >-
#   AWS Config is the history of every resource's configuration: the record
#   of what changed, when. A recorder limited to some types, or stopped,
#   leaves changes undetected.
# custom:
#   id: aws-config-recorder
#   severity: medium
#   soc2: [CC7.1]
#   soc1: [ITGC-CM-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status, AWS::Config::ConfigurationRecorder]
#   remediation: >-
#     Record all supported resource types (recording_group all_supported = true,
#     or RecordingGroup AllSupported true in CloudFormation) and start the
#     recorder: an aws_config_configuration_recorder_status with is_enabled =
#     true, or in CloudFormation an AWS::Config::DeliveryChannel in the same
#     template, which CloudFormation waits for to start the recorder.
#   rationale:
#     CC7.1: >-
#       AWS Config recording is how configuration changes are detected; a
#       recorder limited to some resource types, or never started, leaves changes
#       to the others undetected.
#     ITGC-CM-3: >-
#       The recorder keeps the history of every production resource's
#       configuration; without it there is no record of what the configuration
#       was at a given time.
#   limitations: >-
#     Recorders set up outside this code (Control Tower, an organization-wide
#     setup, the console) are not seen, nor whether Config rules evaluate the
#     records or anyone reviews them. In Terraform a delivery channel is not
#     looked for; in CloudFormation the recorder counts as started when the
#     template defines a delivery channel, so one kept in another stack is
#     reported, and a recorder stopped after deployment is not seen. A
#     RecordingGroup given by a parameter or a condition nested deeper than
#     one !If is not judged.
package assure.aws.config_recorder

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_config_configuration_recorder")

deny contains {"msg": msg, "resource": r.id, "attribute": "recording_group.all_supported"} if {
	some r in tf.resources("aws_config_configuration_recorder")
	some g in r.body.recording_group
	g.all_supported in {false, "false"}
	msg := sprintf("Config recorder %s does not record all resource types", [r.name])
}

running(r) if {
	some s in tf.resources("aws_config_configuration_recorder_status")
	tf.references(s.body.name, "aws_config_configuration_recorder", r.name)
	tf.is_true(s.body.is_enabled)
}

running(r) if {
	some s in tf.resources("aws_config_configuration_recorder_status")
	s.body.name == r.body.name
	tf.is_true(s.body.is_enabled)
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("aws_config_configuration_recorder")
	not running(r)
	msg := sprintf("Config recorder %s is not started by an enabled recorder status", [r.name])
}

resources contains r.id if some r in cfn.resources("AWS::Config::ConfigurationRecorder")

# AllSupported false in the recording group (or in a branch of an !If on
# either the group or the flag); left out, the recorder records every
# supported type.
partial_cfn(r) if {
	some group in cfn.branches(object.get(r.props, "RecordingGroup", {}))
	is_object(group)
	some all_supported in cfn.branches(object.get(group, "AllSupported", true))
	all_supported in {false, "false"}
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.RecordingGroup.AllSupported"} if {
	some r in cfn.resources("AWS::Config::ConfigurationRecorder")
	partial_cfn(r)
	msg := sprintf("Config recorder %s does not record all resource types", [r.id])
}

# CloudFormation starts a recorder once a delivery channel is available;
# without one it never records.
deny contains {"msg": msg, "resource": r.id} if {
	some r in cfn.resources("AWS::Config::ConfigurationRecorder")
	count(cfn.resources("AWS::Config::DeliveryChannel")) == 0
	msg := sprintf("Config recorder %s is never started: the template defines no AWS::Config::DeliveryChannel", [r.id])
}
