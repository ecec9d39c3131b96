# METADATA
# title: CloudWatch alarms notify someone
# description: >-
#   An alarm with no alarm action, or with actions disabled, changes state in
#   the console and nobody hears about it: the condition it was built to catch
#   goes unanswered.
# custom:
#   id: aws-cloudwatch-alarm-actions
#   severity: medium
#   soc2: [CC7.4, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudwatch_metric_alarm, aws_cloudwatch_composite_alarm, AWS::CloudWatch::Alarm, AWS::CloudWatch::CompositeAlarm]
#   remediation: >-
#     Give the alarm alarm_actions (an SNS topic subscribed by the on-call
#     rotation, an incident tool, or a scaling or recovery action) and leave
#     actions_enabled at its default of true.
#   rationale:
#     CC7.4: An alarm that notifies no one cannot start the response to the event it detects.
#     CC7.3: Events flagged by an alarm are only evaluated when someone is told the alarm fired.
#     ITGC-OP-2: A failure that raises an alarm without an action is monitored but not alerted on.
#   limitations: >-
#     Whether the SNS topic has subscribers, and whether anyone answers, is not
#     seen; alarms that only feed a composite alarm fail and may be waived, and
#     actions unknown before apply are taken as set.
package assure.aws.cloudwatch_alarm_actions

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_alarms contains a if {
	some t in ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"]
	some a in tf.resources(t)
}

resources contains a.id if some a in tf_alarms

# An action list: a non-empty list, or an expression unknown before apply.
has_actions(v) if {
	is_array(v)
	count(v) > 0
}

has_actions(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": a.id, "attribute": "alarm_actions"} if {
	some a in tf_alarms
	not has_actions(object.get(a.body, "alarm_actions", []))
	msg := sprintf("%s has no alarm_actions: nobody is notified when it fires", [a.id])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "actions_enabled"} if {
	some a in tf_alarms
	has_actions(object.get(a.body, "alarm_actions", []))
	object.get(a.body, "actions_enabled", true) in {false, "false"}
	msg := sprintf("%s has its actions disabled: nobody is notified when it fires", [a.id])
}

cfn_alarms contains a if {
	some t in ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"]
	some a in cfn.resources(t)
}

resources contains a.id if some a in cfn_alarms

cfn_has_actions(v) if has_actions(v)

# !If, !Ref of a list parameter, !Split...: taken as set.
cfn_has_actions(v) if is_object(v)

deny contains {"msg": msg, "resource": a.id, "attribute": "Properties"} if {
	some a in cfn_alarms
	not cfn_has_actions(object.get(a.props, "AlarmActions", []))
	msg := sprintf("alarm %s has no AlarmActions: nobody is notified when it fires", [a.id])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "Properties.ActionsEnabled"} if {
	some a in cfn_alarms
	cfn_has_actions(object.get(a.props, "AlarmActions", []))
	object.get(a.props, "ActionsEnabled", true) in {false, "false"}
	msg := sprintf("alarm %s has its actions disabled: nobody is notified when it fires", [a.id])
}
