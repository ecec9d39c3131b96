package assure.aws.sqs_queue_policy_public_test

import data.assure.aws.sqs_queue_policy_public as p
import rego.v1

open := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"}]}`

from_topic := `{"Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}]}`

conditioned_star := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:orders"}}}]}`

test_open_policies_fail if {
	count(p.deny) == 1 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"queue_url": "${aws_sqs_queue.q.id}", "policy": open}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_sqs_queue": {"q": [{"policy": open}]}}}
}

test_scoped_policies_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"policy": from_topic}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"policy": conditioned_star}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sqs_queue": {"q": [{"name": "no-policy"}]}}}
}

test_unknown_policy_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"policy": "${data.aws_iam_policy_document.elsewhere.json}"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"policy": "${jsonencode(local.p)}"}]}}}
}

test_data_source_policy if {
	d := {"statement": [{"actions": ["sqs:SendMessage"], "resources": ["*"], "principals": [{"type": "*", "identifiers": ["*"]}]}]}
	count(p.deny) == 1 with input as {"resource": {"aws_sqs_queue_policy": {"q": [{"policy": "${data.aws_iam_policy_document.q.json}"}]}}, "data": {"aws_iam_policy_document": {"q": [d]}}}
}

test_cloudformation_queue_policy if {
	doc := {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sqs:ReceiveMessage", "Resource": "*"}]}
	count(p.deny) == 1 with input as {"Resources": {"P": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": doc}}}}
	count(p.deny) == 0 with input as {"Resources": {"P": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Q"}], "PolicyDocument": json.unmarshal(from_topic)}}}}
}

test_queues_without_policy_do_not_hide_others if {
	count(p.deny) == 1 with input as {"resource": {"aws_sqs_queue": {"a": [{"name": "plain"}], "b": [{"policy": open}]}}}
}
