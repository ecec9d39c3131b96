# METADATA
# title: GuardDuty findings are routed to responders
# description: >-
#   GuardDuty findings stay in the GuardDuty console unless an EventBridge rule
#   sends them somewhere; without one, a detected compromise waits until
#   someone happens to look.
# custom:
#   id: aws-guardduty-findings-routed
#   severity: medium
#   soc2: [CC7.4, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_guardduty_detector, AWS::GuardDuty::Detector]
#   remediation: >-
#     Add an EventBridge rule (aws_cloudwatch_event_rule, AWS::Events::Rule)
#     whose event pattern matches source aws.guardduty, with a target (an SNS
#     topic for on-call, an incident tool, or a response Lambda).
#   rationale:
#     CC7.4: Findings that reach no responder cannot start the incident response CC7.4 expects.
#     CC7.3: Security events are only evaluated by a team when the findings are routed to it.
#     ITGC-OP-2: Security events detected by GuardDuty are logged but not alerted on without a rule that delivers them.
#   limitations: >-
#     The rule must be in the same Terraform module or template as the
#     detector; findings routed from a delegated administrator account, through
#     Security Hub, or by a rule in another module are not seen, and whether the
#     target reaches a person is not checked.
package assure.aws.guardduty_findings_routed

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
resources contains d.id if some d in tf.resources("aws_guardduty_detector")

guardduty_rules contains r if {
	some r in tf.resources("aws_cloudwatch_event_rule")
	contains(sprintf("%v", [object.get(r.body, "event_pattern", "")]), "aws.guardduty")
}

targeted(r) if {
	some t in tf.resources("aws_cloudwatch_event_target")
	tf.references(object.get(t.body, "rule", ""), "aws_cloudwatch_event_rule", r.name)
}

targeted(r) if {
	some t in tf.resources("aws_cloudwatch_event_target")
	object.get(t.body, "rule", null) == object.get(r.body, "name", "")
}

routed if {
	some r in guardduty_rules
	targeted(r)
}

deny contains {"msg": msg, "resource": d.id} if {
	some d in tf.resources("aws_guardduty_detector")
	not routed
	msg := sprintf("no EventBridge rule with a target routes the findings of GuardDuty detector %s", [d.name])
}

# ---- CloudFormation -------------------------------------------------------
resources contains d.id if some d in cfn.resources("AWS::GuardDuty::Detector")

cfn_routed if {
	some r in cfn.resources("AWS::Events::Rule")
	pattern := object.get(r.props, "EventPattern", {})
	contains(json.marshal(pattern), "aws.guardduty")
	targets := object.get(r.props, "Targets", [])
	is_array(targets)
	count(targets) > 0
	object.get(r.props, "State", "ENABLED") != "DISABLED"
}

deny contains {"msg": msg, "resource": d.id} if {
	some d in cfn.resources("AWS::GuardDuty::Detector")
	not cfn_routed
	msg := sprintf("no EventBridge rule with a target routes the findings of GuardDuty detector %s", [d.id])
}
