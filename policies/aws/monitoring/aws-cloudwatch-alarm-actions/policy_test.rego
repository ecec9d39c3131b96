package assure.aws.cloudwatch_alarm_actions_test

import data.assure.aws.cloudwatch_alarm_actions as c
import rego.v1

alarm(body) := {"resource": {"aws_cloudwatch_metric_alarm": {"a": [object.union({"alarm_name": "a", "metric_name": "Errors"}, body)]}}}

test_no_actions_fails if {
	count(c.deny) == 1 with input as alarm({})
	count(c.deny) == 1 with input as alarm({"alarm_actions": []})
	count(c.deny) == 1 with input as alarm({"alarm_actions": ["arn:aws:sns:eu-west-1:1:oncall"], "actions_enabled": false})
	count(c.deny) == 1 with input as {"resource": {"aws_cloudwatch_composite_alarm": {"a": [{"alarm_rule": "ALARM(x)"}]}}}
}

test_actions_pass if {
	count(c.deny) == 0 with input as alarm({"alarm_actions": ["${aws_sns_topic.oncall.arn}"]})
	count(c.deny) == 0 with input as alarm({"alarm_actions": "${var.alarm_topics}"})
	count(c.resources) == 1 with input as alarm({})
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "Errors"}}}}
	count(c.deny) == 1 with input as {"Resources": {"A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"AlarmActions": [{"Ref": "T"}], "ActionsEnabled": false}}}}
	count(c.deny) == 0 with input as {"Resources": {"A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"AlarmActions": [{"Ref": "T"}]}}}}
	count(c.deny) == 0 with input as {"Resources": {"A": {"Type": "AWS::CloudWatch::Alarm", "Properties": {"AlarmActions": {"Ref": "Topics"}}}}}
}
