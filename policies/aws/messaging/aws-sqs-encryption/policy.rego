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
#   rationale:
#     CC6.1: >-
#       A queue with server-side encryption turned off keeps its messages
#       unencrypted at rest for the whole retention period.
#     C1.1: >-
#       Messages commonly carry customer and payment data, and a queue without
#       encryption leaves that confidential data unprotected at rest.
#     ITGC-LA-3: >-
#       Financial data in queued messages is stored in the clear, short of the
#       protection at rest the objective requires.
#   limitations: >-
#     SSE-SQS is the default for new queues, so only queues that turn it off
#     without naming a KMS key are reported; whether a customer-managed key is
#     used, and what its key policy allows, is not checked.
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
