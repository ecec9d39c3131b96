package assure.aws.guardduty_findings_routed_test

import data.assure.aws.guardduty_findings_routed as c
import rego.v1

detector := {"aws_guardduty_detector": {"main": [{"enable": true}]}}

rule(pattern) := {"aws_cloudwatch_event_rule": {"gd": [{"name": "guardduty-findings", "event_pattern": pattern}]}}

target(rule_ref) := {"aws_cloudwatch_event_target": {"gd": [{"rule": rule_ref, "arn": "${aws_sns_topic.security.arn}"}]}}

pattern := "{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"]}"

test_unrouted_detector_fails if {
	count(c.deny) == 1 with input as {"resource": detector}
	count(c.deny) == 1 with input as {"resource": object.union(detector, rule(pattern))}
	count(c.deny) == 1 with input as {"resource": object.union_n([detector, rule("{\"source\":[\"aws.ec2\"]}"), target("${aws_cloudwatch_event_rule.gd.name}")])}
}

test_routed_detector_passes if {
	count(c.deny) == 0 with input as {"resource": object.union_n([detector, rule(pattern), target("${aws_cloudwatch_event_rule.gd.name}")])}
	count(c.deny) == 0 with input as {"resource": object.union_n([detector, rule(pattern), target("guardduty-findings")])}
	count(c.deny) == 0 with input as {"resource": object.union_n([detector, rule("${jsonencode({source = [\"aws.guardduty\"], detail = local.d})}"), target("${aws_cloudwatch_event_rule.gd.id}")])}
}

test_no_detector_no_target if {
	count(c.resources) == 0 with input as {"resource": rule(pattern)}
}

test_cloudformation if {
	gd := {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}
	count(c.deny) == 1 with input as {"Resources": {"D": gd}}
	r := {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.guardduty"]}, "Targets": [{"Arn": {"Ref": "T"}, "Id": "sns"}]}}
	count(c.deny) == 0 with input as {"Resources": {"D": gd, "R": r}}
	count(c.deny) == 1 with input as {"Resources": {"D": gd, "R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.guardduty"]}}}}}
}
