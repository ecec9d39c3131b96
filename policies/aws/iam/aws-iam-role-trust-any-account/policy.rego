# METADATA
# title: IAM roles cannot be assumed by any AWS account
# description: >-
#   A trust policy that allows principal "*" or arn:aws:iam::*:root with no
#   condition lets anyone with an AWS account assume the role and act with its
#   permissions inside this account.
# custom:
#   id: aws-iam-role-trust-any-account
#   severity: critical
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_iam_role, aws_iam_policy_document, AWS::IAM::Role]
#   remediation: >-
#     Trust the specific accounts, roles or services that need the role, and
#     require sts:ExternalId or aws:PrincipalOrgID in a Condition when a third
#     party assumes it.
#   rationale:
#     CC6.1: A role anyone can assume is an identity whose use is not restricted to authorized users.
#     CC6.6: Trusting every AWS account opens a path into the account from outside the system boundary.
#     ITGC-LA-1: Whoever assumes the role reaches the financial systems it can access without being an authorized user.
#   limitations: >-
#     Trust policies whose text is unknown before apply (file(), jsonencode of
#     unknown values, data sources of other modules) are not judged, and any
#     Condition counts as narrowing; the role's own permissions, which decide
#     the impact, are not weighed.
package assure.aws.iam_role_trust_any_account

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

resources contains r.id if some r in tf.resources("aws_iam_role")

deny contains {"msg": msg, "resource": r.id, "attribute": "assume_role_policy"} if {
	some r in tf.resources("aws_iam_role")
	some s in aws_policy.tf_statements(object.get(r.body, "assume_role_policy", ""))
	open_statement(s)
	msg := sprintf("%s can be assumed by any AWS account without a condition", [r.id])
}

resources contains r.id if some r in cfn.resources("AWS::IAM::Role")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.AssumeRolePolicyDocument"} if {
	some r in cfn.resources("AWS::IAM::Role")
	some s in aws_policy.statements(object.get(r.props, "AssumeRolePolicyDocument", {}))
	open_statement(s)
	msg := sprintf("role %s can be assumed by any AWS account without a condition", [r.id])
}
