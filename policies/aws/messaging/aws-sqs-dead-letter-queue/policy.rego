# METADATA
# title: SQS queues send failed messages to a dead-letter queue
# description: >-
#   Without a redrive policy, a message that consumers keep failing on is
#   retried until its retention period ends and is then deleted: the input is
#   lost without anyone seeing which record failed or why.
# custom:
#   id: aws-sqs-dead-letter-queue
#   severity: medium
#   soc2: [PI1.2, PI1.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_sqs_queue, aws_sqs_queue_redrive_policy, AWS::SQS::Queue]
#   remediation: >-
#     Give the queue a redrive_policy (or an aws_sqs_queue_redrive_policy;
#     RedrivePolicy in CloudFormation) with deadLetterTargetArn pointing at a
#     dead-letter queue and a maxReceiveCount, and alarm on that queue's depth.
#   rationale:
#     PI1.2: Input that cannot be processed is set aside in a dead-letter queue for correction instead of being silently dropped, so inputs stay complete.
#     PI1.3: Retries bounded by maxReceiveCount with failed messages kept for inspection are the processing controls PI1.3 expects for queue-driven work.
#     ITGC-OP-2: Messages that fail processing are kept where the failure can be seen and alerted on instead of expiring unnoticed.
#   limitations: >-
#     Queues that are themselves dead-letter queues (named as another queue's
#     deadLetterTargetArn, given a redrive allow policy, or named dlq or
#     dead-letter) are not examined; a redrive policy set outside this code, and
#     whether anyone watches the dead-letter queue, are not seen.
package assure.aws.sqs_dead_letter_queue

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
# Every redrive policy of the module, as text (JSON, or an unevaluated
# expression naming the dead-letter queue).
redrive_texts contains sprintf("%v", [p]) if {
	some q in tf.resources("aws_sqs_queue")
	p := object.get(q.body, "redrive_policy", "")
	p != ""
}

redrive_texts contains sprintf("%v", [p]) if {
	some r in tf.resources("aws_sqs_queue_redrive_policy")
	p := object.get(r.body, "redrive_policy", "")
}

dlq_name(name) if regex.match(`(^|[^a-z])(dlq|dead[-_]?letter|deadletter)([^a-z]|$)`, lower(name))

is_dlq(q) if {
	some text in redrive_texts
	tf.references(text, "aws_sqs_queue", q.name)
}

is_dlq(q) if dlq_name(q.name)

is_dlq(q) if dlq_name(sprintf("%v", [object.get(q.body, "name", "")]))

is_dlq(q) if object.get(q.body, "redrive_allow_policy", "") != ""

is_dlq(q) if {
	some r in tf.resources("aws_sqs_queue_redrive_allow_policy")
	tf.references(object.get(r.body, "queue_url", ""), "aws_sqs_queue", q.name)
}

# A literal ARN naming the queue (arn:aws:sqs:region:account:name).
is_dlq(q) if {
	name := object.get(q.body, "name", "")
	is_string(name)
	name != ""
	some text in redrive_texts
	contains(text, sprintf(":%s\"", [name]))
}

queues contains q if {
	some q in tf.resources("aws_sqs_queue")
	not is_dlq(q)
}

resources contains q.id if some q in queues

redriven(q) if object.get(q.body, "redrive_policy", "") != ""

redriven(q) if count(tf.siblings("aws_sqs_queue_redrive_policy", "queue_url", "aws_sqs_queue", q.name)) > 0

deny contains {"msg": msg, "resource": q.id} if {
	some q in queues
	not redriven(q)
	msg := sprintf("SQS queue %s has no redrive policy: messages that keep failing are lost when they expire", [q.name])
}

# ---- CloudFormation -------------------------------------------------------
cfn_redrive_texts contains json.marshal(p) if {
	some q in cfn.resources("AWS::SQS::Queue")
	p := q.props.RedrivePolicy
}

cfn_is_dlq(q) if {
	some text in cfn_redrive_texts
	contains(text, sprintf("\"%s\"", [q.id]))
}

cfn_is_dlq(q) if dlq_name(q.id)

cfn_is_dlq(q) if dlq_name(sprintf("%v", [object.get(q.props, "QueueName", "")]))

cfn_is_dlq(q) if q.props.RedriveAllowPolicy

cfn_queues contains q if {
	some q in cfn.resources("AWS::SQS::Queue")
	not cfn_is_dlq(q)
}

resources contains q.id if some q in cfn_queues

deny contains {"msg": msg, "resource": q.id, "attribute": "Properties"} if {
	some q in cfn_queues
	not q.props.RedrivePolicy
	msg := sprintf("SQS queue %s has no RedrivePolicy: messages that keep failing are lost when they expire", [q.id])
}
