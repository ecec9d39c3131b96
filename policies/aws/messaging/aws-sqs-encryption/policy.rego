# METADATA
# title: SQS queues encrypt messages at rest
# description: Messages often carry customer and payment data; an unencrypted queue stores them in the clear.
# custom:
#   id: aws-sqs-encryption
#   severity: medium
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_sqs_queue, AWS::SQS::Queue]
#   remediation: Set kms_master_key_id, or sqs_managed_sse_enabled = true (KmsMasterKeyId or SqsManagedSseEnabled in CloudFormation).
package assure.aws.sqs_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains q.id if some q in tf.resources("aws_sqs_queue")

encrypted(body) if body.kms_master_key_id

# SSE-SQS is the provider's default since v4.x unless turned off.
encrypted(body) if tf.is_true(object.get(body, "sqs_managed_sse_enabled", true))

deny contains {"msg": msg, "resource": q.id, "attribute": "sqs_managed_sse_enabled"} if {
	some q in tf.resources("aws_sqs_queue")
	not encrypted(q.body)
	msg := sprintf("SQS queue %s is not encrypted", [q.name])
}

resources contains q.id if some q in cfn.resources("AWS::SQS::Queue")

deny contains {"msg": msg, "resource": q.id, "attribute": "Properties"} if {
	some q in cfn.resources("AWS::SQS::Queue")
	not q.props.KmsMasterKeyId
	q.props.SqsManagedSseEnabled in {false, "false"}
	msg := sprintf("SQS queue %s is not encrypted", [q.id])
}
