package assure.aws.sqs_dead_letter_queue_test

import data.assure.aws.sqs_dead_letter_queue as c
import rego.v1

test_queue_without_redrive_fails if {
	count(c.deny) == 1 with input as {"resource": {"aws_sqs_queue": {"orders": [{"name": "orders"}]}}}
}

test_queue_with_dlq_passes_and_dlq_is_not_a_target if {
	queues := {"aws_sqs_queue": {
		"orders": [{"name": "orders", "redrive_policy": "${jsonencode({deadLetterTargetArn = aws_sqs_queue.failed.arn, maxReceiveCount = 5})}"}],
		"failed": [{"name": "orders-failed"}],
	}}
	count(c.deny) == 0 with input as {"resource": queues}
	c.resources == {"aws_sqs_queue.orders"} with input as {"resource": queues}
}

test_separate_redrive_resource_passes if {
	r := {
		"aws_sqs_queue": {"orders": [{"name": "orders"}], "orders_dlq": [{"name": "orders-dlq"}]},
		"aws_sqs_queue_redrive_policy": {"orders": [{"queue_url": "${aws_sqs_queue.orders.id}", "redrive_policy": "${jsonencode({deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn})}"}]},
	}
	count(c.deny) == 0 with input as {"resource": r}
	c.resources == {"aws_sqs_queue.orders"} with input as {"resource": r}
}

test_literal_arn_dlq if {
	r := {"aws_sqs_queue": {
		"orders": [{"name": "orders", "redrive_policy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:123456789012:orders-failures\",\"maxReceiveCount\":5}"}],
		"failures": [{"name": "orders-failures"}],
	}}
	c.resources == {"aws_sqs_queue.orders"} with input as {"resource": r}
	count(c.deny) == 0 with input as {"resource": r}
}

test_cloudformation if {
	tpl := {"Resources": {
		"Orders": {"Type": "AWS::SQS::Queue", "Properties": {"RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["Failed", "Arn"]}, "maxReceiveCount": 5}}},
		"Failed": {"Type": "AWS::SQS::Queue", "Properties": {}},
		"Events": {"Type": "AWS::SQS::Queue", "Properties": {}},
	}}
	c.resources == {"Orders", "Events"} with input as tpl
	count(c.deny) == 1 with input as tpl
}
