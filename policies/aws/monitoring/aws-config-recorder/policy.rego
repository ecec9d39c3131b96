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
#   inputs: [terraform]
#   resource_types: [aws_config_configuration_recorder, aws_config_configuration_recorder_status]
#   remediation: Record all supported resource types (recording_group all_supported = true) and add an aws_config_configuration_recorder_status with is_enabled = true.
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
#     setup, the console) are not seen, nor whether a delivery channel exists,
#     Config rules evaluate the records or anyone reviews them.
package assure.aws.config_recorder

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
