package assure.aws.sns_topic_policy_public_test

import data.assure.aws.sns_topic_policy_public as p
import rego.v1

open := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:*", "Resource": "*"}]}`

from_events := `{"Statement": [{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sns:Publish", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}]}`

conditioned_star := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}]}`

test_open_policies_fail if {
	count(p.deny) == 1 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"arn": "${aws_sns_topic.q.arn}", "policy": open}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_sns_topic": {"q": [{"policy": open}]}}}
}

test_scoped_policies_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"policy": from_events}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"policy": conditioned_star}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sns_topic": {"q": [{"name": "no-policy"}]}}}
}

test_unknown_policy_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"policy": "${data.aws_iam_policy_document.elsewhere.json}"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"policy": "${jsonencode(local.p)}"}]}}}
}

test_data_source_policy if {
	d := {"statement": [{"actions": ["sns:Publish"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]}
	count(p.deny) == 1 with input as {"resource": {"aws_sns_topic_policy": {"q": [{"policy": "${data.aws_iam_policy_document.q.json}"}]}}, "data": {"aws_iam_policy_document": {"q": [d]}}}
}

test_cloudformation_topic_policy if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sns:Subscribe", "Resource": "*"}]}
	count(p.deny) == 1 with input as {"Resources": {"P": {"Type": "AWS::SNS::TopicPolicy", "Properties": {"Topics": [{"Ref": "T"}], "PolicyDocument": doc}}}}
	count(p.deny) == 0 with input as {"Resources": {"P": {"Type": "AWS::SNS::TopicPolicy", "Properties": {"Topics": [{"Ref": "T"}], "PolicyDocument": json.unmarshal(from_events)}}}}
}
