# METADATA
# title: SQS queue policies do not grant access to everyone
# description: >-
#   A queue policy statement that allows principal "*" (or any AWS account)
#   with no condition lets anyone read, delete or inject messages: data
#   leaks and forged work items enter the processing pipeline.
# custom:
#   id: aws-sqs-queue-policy-public
#   severity: high
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue, aws_iam_policy_document, AWS::SQS::QueuePolicy, AWS::SQS::QueueInlinePolicy]
#   remediation: >-
#     Name the accounts, roles or services that use the queue as principals,
#     and narrow a statement for a service principal or "*" with a Condition
#     such as aws:SourceArn or aws:SourceAccount.
#   rationale:
#     CC6.1: Access to queued messages that IAM does not restrict to identified principals is an exception to logical access controls.
#     CC6.6: A queue open to every AWS account accepts requests from outside the system boundary.
#     ITGC-LA-1: Messages carrying financial transactions can be read or injected by users who are not authorized.
#   limitations: >-
#     Policies whose text is unknown before apply (file(), jsonencode of
#     unknown values, data sources of other modules) are not judged, and any
#     Condition counts as narrowing, however weak.
package assure.aws.sqs_queue_policy_public

import data.assure.lib.aws_policy
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# An Allow statement open to everyone ("*", {"AWS": "*"}, the root of any
# account, or a NotPrincipal) with no Condition to narrow it.
open_statement(s) if {
	aws_policy.allows(s)
	aws_policy.admits_everyone(s)
	not aws_policy.conditioned(s)
}

tf_policies contains {"id": r.id, "policy": policy} if {
	some r in tf.resources("aws_sqs_queue_policy")
	policy := r.body.policy
}

# The policy argument of aws_sqs_queue itself.
tf_policies contains {"id": r.id, "policy": policy} if {
	some r in tf.resources("aws_sqs_queue")
	policy := r.body.policy
}

resources contains p.id if some p in tf_policies

deny contains {"msg": msg, "resource": p.id, "attribute": "policy"} if {
	some p in tf_policies
	some s in aws_policy.tf_statements(p.policy)
	open_statement(s)
	msg := sprintf("%s allows any principal without a condition", [p.id])
}

cfn_policies contains r if {
	some t in ["AWS::SQS::QueuePolicy", "AWS::SQS::QueueInlinePolicy"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_policies

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.PolicyDocument"} if {
	some r in cfn_policies
	some s in aws_policy.statements(object.get(r.props, "PolicyDocument", {}))
	open_statement(s)
	msg := sprintf("queue policy %s allows any principal without a condition", [r.id])
}
