# METADATA
# title: Step Functions state machines log their executions
# description: >-
#   Without logging (the default level is OFF), a failed or partial execution
#   of a workflow leaves no record of which step failed, with what input, and
#   whether it was retried: processing errors cannot be traced or investigated.
# custom:
#   id: aws-sfn-logging
#   severity: medium
#   soc2: [PI1.3, CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_sfn_state_machine, AWS::StepFunctions::StateMachine]
#   remediation: >-
#     Add logging_configuration with level ERROR or ALL and a log_destination
#     (a CloudWatch Logs group ARN ending in :*); LoggingConfiguration with
#     Level and Destinations in CloudFormation.
#   rationale:
#     PI1.3: Execution history logs are the record of processing PI1.3 expects, showing which step of each run failed and with what input.
#     CC7.2: Without execution logs, anomalous or failing workflow runs cannot be monitored or investigated.
#     ITGC-OP-2: Processing failures of the workflow are not logged, so they cannot be monitored or alerted on.
#   limitations: >-
#     Standard workflows keep 90 days of execution history in the service even
#     without logging, which this control does not count; whether the log group
#     retains the logs long enough, and levels unknown before apply, are not
#     judged. Dynamic blocks that cannot be expanded before apply are taken as
#     set.
package assure.aws.sfn_logging

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains s.id if some s in tf.resources("aws_sfn_state_machine")

deny contains {"msg": msg, "resource": s.id, "attribute": "logging_configuration.level"} if {
	some s in tf.resources("aws_sfn_state_machine")
	not unknown_block(s.body, "logging_configuration")
	level := object.get(tf.block(s.body, "logging_configuration"), "level", "OFF")
	level == "OFF"
	msg := sprintf("state machine %s does not log its executions (logging level OFF, the default)", [s.name])
}

resources contains s.id if some s in cfn.resources("AWS::StepFunctions::StateMachine")

deny contains {"msg": msg, "resource": s.id, "attribute": "Properties.LoggingConfiguration.Level"} if {
	some s in cfn.resources("AWS::StepFunctions::StateMachine")
	conf := object.get(s.props, "LoggingConfiguration", {})
	is_object(conf)
	some level in cfn.branches(object.get(conf, "Level", "OFF"))
	level == "OFF"
	msg := sprintf("state machine %s does not log its executions (logging level OFF, the default)", [s.id])
}

# A block written as a dynamic block that could not be expanded: unknown
# before apply, given the benefit of the doubt.
unknown_block(body, key) if {
	d := object.get(body, "dynamic", {})
	is_object(d)
	d[key]
}
