package assure.aws.lambda_failure_destination_test

import data.assure.aws.lambda_failure_destination as c
import rego.v1

fn(body) := {"aws_lambda_function": {"f": [object.union({"function_name": "resize"}, body)]}}

s3_permission := {"aws_lambda_permission": {"s3": [{"principal": "s3.amazonaws.com", "function_name": "${aws_lambda_function.f.function_name}", "action": "lambda:InvokeFunction"}]}}

test_async_function_without_destination_fails if {
	count(c.deny) == 1 with input as {"resource": object.union(fn({}), s3_permission)}
	sub := {"aws_sns_topic_subscription": {"s": [{"protocol": "lambda", "endpoint": "${aws_lambda_function.f.arn}"}]}}
	count(c.deny) == 1 with input as {"resource": object.union(fn({}), sub)}
	literal := {"aws_lambda_permission": {"p": [{"principal": "events.amazonaws.com", "function_name": "resize"}]}}
	count(c.deny) == 1 with input as {"resource": object.union(fn({}), literal)}
}

test_destination_or_dlq_passes if {
	count(c.deny) == 0 with input as {"resource": object.union(fn({"dead_letter_config": [{"target_arn": "${aws_sqs_queue.dlq.arn}"}]}), s3_permission)}
	invoke := {"aws_lambda_function_event_invoke_config": {"f": [{"function_name": "${aws_lambda_function.f.function_name}", "destination_config": [{"on_failure": [{"destination": "${aws_sqs_queue.dlq.arn}"}]}]}]}}
	count(c.deny) == 0 with input as {"resource": object.union(fn({}), invoke)}
}

test_event_invoke_config_without_on_failure_fails if {
	invoke := {"aws_lambda_function_event_invoke_config": {"f": [{"function_name": "${aws_lambda_function.f.function_name}", "maximum_retry_attempts": 2}]}}
	count(c.deny) == 1 with input as {"resource": object.union(fn({}), invoke)}
}

test_sync_functions_are_not_targets if {
	count(c.resources) == 0 with input as {"resource": fn({})}
	apigw := {"aws_lambda_permission": {"a": [{"principal": "apigateway.amazonaws.com", "function_name": "${aws_lambda_function.f.function_name}"}]}}
	count(c.resources) == 0 with input as {"resource": object.union(fn({}), apigw)}
}

test_cloudformation if {
	f := {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12"}}
	perm := {"Type": "AWS::Lambda::Permission", "Properties": {"Principal": "sns.amazonaws.com", "FunctionName": {"Fn::GetAtt": ["F", "Arn"]}}}
	count(c.deny) == 1 with input as {"Resources": {"F": f, "P": perm}}
	with_dlq := {"Type": "AWS::Lambda::Function", "Properties": {"DeadLetterConfig": {"TargetArn": {"Fn::GetAtt": ["Q", "Arn"]}}}}
	count(c.deny) == 0 with input as {"Resources": {"F": with_dlq, "P": perm}}
	cfg := {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {"FunctionName": {"Ref": "F"}, "Qualifier": "$LATEST", "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Q", "Arn"]}}}}}
	count(c.deny) == 0 with input as {"Resources": {"F": f, "P": perm, "C": cfg}}
	count(c.resources) == 0 with input as {"Resources": {"F": f}}
	named := {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "resize"}}
	literal := {"Type": "AWS::Lambda::Permission", "Properties": {"Principal": "s3.amazonaws.com", "FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:resize"}}
	count(c.deny) == 1 with input as {"Resources": {"F": named, "P": literal}}
	count(c.resources) == 0 with input as {"Resources": {"F": f, "P": literal, "R": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [{"Id": "x"}, "y"]}}}}
}

test_unexpanded_dynamic_blocks_pass if {
	count(c.deny) == 0 with input as {"resource": object.union(fn({"dynamic": {"dead_letter_config": [{"for_each": "${var.dlq}"}]}}), s3_permission)}
	invoke := {"aws_lambda_function_event_invoke_config": {"f": [{"function_name": "${aws_lambda_function.f.function_name}", "dynamic": {"destination_config": [{"for_each": "${var.d}"}]}}]}}
	count(c.deny) == 0 with input as {"resource": object.union(fn({}), invoke)}
}
