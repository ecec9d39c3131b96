# METADATA
# title: Asynchronously invoked Lambda functions keep failed events
# description: >-
#   When an event from S3, SNS, EventBridge or another asynchronous source
#   still fails after Lambda's retries, it is dropped unless the function has
#   an on-failure destination or a dead-letter queue: the output it should
#   have produced is silently missing.
# custom:
#   id: aws-lambda-failure-destination
#   severity: medium
#   soc2: [PI1.4, PI1.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lambda_function, AWS::Lambda::Function]
#   remediation: >-
#     Add an aws_lambda_function_event_invoke_config with destination_config
#     on_failure (an SQS queue, SNS topic or EventBridge bus), or a
#     dead_letter_config on the function (DeadLetterConfig, or an
#     AWS::Lambda::EventInvokeConfig with DestinationConfig OnFailure).
#   rationale:
#     PI1.4: Events that fail every retry are kept and can raise an alert instead of silently producing no output, which is the delivery control PI1.4 expects.
#     PI1.3: Retries followed by a dead-letter destination keep processing failures visible and recoverable.
#     ITGC-OP-2: Processing failures of asynchronous invocations are captured where they can be monitored and alerted on instead of being dropped.
#   limitations: >-
#     A function counts as invoked asynchronously when this code subscribes it
#     to S3, SNS or EventBridge, grants such a service lambda:InvokeFunction, or
#     gives it an event invoke config; functions invoked asynchronously from
#     elsewhere, or only synchronously, are not examined. Whether anyone watches
#     the destination is not seen. Dynamic blocks that cannot be expanded before
#     apply are taken as set.
package assure.aws.lambda_failure_destination

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Services that invoke Lambda asynchronously.
async_principals := {
	"s3.amazonaws.com", "sns.amazonaws.com", "events.amazonaws.com", "ses.amazonaws.com",
	"logs.amazonaws.com", "iot.amazonaws.com", "codecommit.amazonaws.com", "config.amazonaws.com",
	"scheduler.amazonaws.com", "cloudformation.amazonaws.com",
}

# ---- Terraform ------------------------------------------------------------
# Expressions that name a function invoked asynchronously.
async_refs contains v if {
	some p in tf.resources("aws_lambda_permission")
	object.get(p.body, "principal", "") in async_principals
	v := object.get(p.body, "function_name", "")
}

async_refs contains v if {
	some s in tf.resources("aws_sns_topic_subscription")
	object.get(s.body, "protocol", "") == "lambda"
	v := object.get(s.body, "endpoint", "")
}

async_refs contains v if {
	some t in tf.resources("aws_cloudwatch_event_target")
	v := object.get(t.body, "arn", "")
}

async_refs contains v if {
	some n in tf.resources("aws_s3_bucket_notification")
	configs := object.get(n.body, "lambda_function", [])
	is_array(configs)
	some conf in configs
	v := object.get(conf, "lambda_function_arn", "")
}

async_refs contains v if {
	some c in tf.resources("aws_lambda_function_event_invoke_config")
	v := object.get(c.body, "function_name", "")
}

names_function(v, f) if tf.references(v, "aws_lambda_function", f.name)

names_function(v, f) if {
	is_string(v)
	name := object.get(f.body, "function_name", "")
	is_string(name)
	name != ""
	some candidate in {name, sprintf(":function:%s", [name])}
	endswith(v, candidate)
}

async_functions contains f if {
	some f in tf.resources("aws_lambda_function")
	some v in async_refs
	names_function(v, f)
}

resources contains f.id if some f in async_functions

keeps_failures(f) if object.get(tf.block(f.body, "dead_letter_config"), "target_arn", "") != ""

keeps_failures(f) if unknown_block(f.body, "dead_letter_config")

keeps_failures(f) if {
	some c in tf.resources("aws_lambda_function_event_invoke_config")
	names_function(object.get(c.body, "function_name", ""), f)
	some b in [c.body, tf.block(c.body, "destination_config")]
	some key in ["destination_config", "on_failure"]
	unknown_block(b, key)
}

keeps_failures(f) if {
	some c in tf.resources("aws_lambda_function_event_invoke_config")
	names_function(object.get(c.body, "function_name", ""), f)
	on_failure := tf.block(tf.block(c.body, "destination_config"), "on_failure")
	object.get(on_failure, "destination", "") != ""
}

deny contains {"msg": msg, "resource": f.id} if {
	some f in async_functions
	not keeps_failures(f)
	msg := sprintf("Lambda function %s is invoked asynchronously but has no on-failure destination or dead-letter queue: events that fail every retry are dropped", [f.name])
}

# ---- CloudFormation -------------------------------------------------------
# Whether a value refers to the resource `id` (Ref, GetAtt, Sub).
refers(v, id) if v == {"Ref": id}

refers(v, id) if {
	is_array(v["Fn::GetAtt"])
	v["Fn::GetAtt"][0] == id
}

refers(v, id) if {
	is_string(v["Fn::GetAtt"])
	startswith(v["Fn::GetAtt"], sprintf("%s.", [id]))
}

refers(v, id) if {
	is_string(v["Fn::Sub"])
	contains(v["Fn::Sub"], sprintf("${%s", [id]))
}

# A literal function name or ARN naming the function's FunctionName.
refers_function(v, f) if refers(v, f.id)

refers_function(v, f) if {
	is_string(v)
	name := object.get(f.props, "FunctionName", "")
	is_string(name)
	name != ""
	some candidate in {name, sprintf(":function:%s", [name])}
	endswith(v, candidate)
}

cfn_async_refs contains v if {
	some p in cfn.resources("AWS::Lambda::Permission")
	object.get(p.props, "Principal", "") in async_principals
	v := object.get(p.props, "FunctionName", "")
}

cfn_async_refs contains v if {
	some s in cfn.resources("AWS::SNS::Subscription")
	object.get(s.props, "Protocol", "") == "lambda"
	v := object.get(s.props, "Endpoint", "")
}

cfn_async_refs contains v if {
	some t in cfn.resources("AWS::SNS::Topic")
	subscriptions := object.get(t.props, "Subscription", [])
	is_array(subscriptions)
	some s in subscriptions
	object.get(s, "Protocol", "") == "lambda"
	v := object.get(s, "Endpoint", "")
}

cfn_async_refs contains v if {
	some r in cfn.resources("AWS::Events::Rule")
	targets := object.get(r.props, "Targets", [])
	is_array(targets)
	some t in targets
	v := object.get(t, "Arn", "")
}

cfn_async_refs contains v if {
	some b in cfn.resources("AWS::S3::Bucket")
	configs := object.get(object.get(b.props, "NotificationConfiguration", {}), "LambdaConfigurations", [])
	is_array(configs)
	some conf in configs
	v := object.get(conf, "Function", "")
}

cfn_async_refs contains v if {
	some c in cfn.resources("AWS::Lambda::EventInvokeConfig")
	v := object.get(c.props, "FunctionName", "")
}

cfn_async_functions contains f if {
	some f in cfn.resources("AWS::Lambda::Function")
	some v in cfn_async_refs
	refers_function(v, f)
}

resources contains f.id if some f in cfn_async_functions

cfn_keeps_failures(f) if object.get(object.get(f.props, "DeadLetterConfig", {}), "TargetArn", "") != ""

cfn_keeps_failures(f) if {
	some c in cfn.resources("AWS::Lambda::EventInvokeConfig")
	refers_function(object.get(c.props, "FunctionName", ""), f)
	on_failure := object.get(object.get(c.props, "DestinationConfig", {}), "OnFailure", {})
	object.get(on_failure, "Destination", "") != ""
}

deny contains {"msg": msg, "resource": f.id, "attribute": "Properties"} if {
	some f in cfn_async_functions
	not cfn_keeps_failures(f)
	msg := sprintf("Lambda function %s is invoked asynchronously but has no on-failure destination or dead-letter queue: events that fail every retry are dropped", [f.id])
}

# A block written as a dynamic block that could not be expanded: unknown
# before apply, given the benefit of the doubt.
unknown_block(body, key) if {
	d := object.get(body, "dynamic", {})
	is_object(d)
	d[key]
}
