# METADATA
# title: KMS key policies do not grant use of the key to everyone
# description: >-
#   A key policy statement that allows principal "*" (or any AWS account)
#   with no condition lets anyone use or manage the key, and so decrypt
#   whatever it protects: encryption at rest then protects nothing.
# custom:
#   id: aws-kms-key-policy-public
#   severity: critical
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1, ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_kms_key, aws_kms_key_policy, aws_iam_policy_document, AWS::KMS::Key, AWS::KMS::ReplicaKey]
#   remediation: >-
#     Grant the key to the account root and the named roles that need it, or
#     narrow any statement for "*" with a Condition such as kms:CallerAccount
#     or kms:ViaService.
#   rationale:
#     CC6.1: Encryption keys usable by principals outside the organization defeat the key management that protects information at rest.
#     CC6.6: A key policy open to every AWS account lets requests from outside the system boundary use the key.
#     ITGC-LA-1: Use of the key that protects financial data is not restricted to authorized, authenticated users.
#     ITGC-LA-3: Anyone able to decrypt or re-encrypt with the key can read or alter the financial data it protects.
#   limitations: >-
#     Policies whose text is unknown before apply (file(), jsonencode of
#     unknown values, data sources of other modules) are not judged, any
#     Condition counts as narrowing, and grants created outside the policy are
#     not seen. A key with no policy gets the default policy, which is not open.
package assure.aws.kms_key_policy_public

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

# Keys without a policy argument get the default key policy (the account
# root), which passes.
tf_keys contains {"id": r.id, "policy": object.get(r.body, "policy", "")} if some r in tf.resources("aws_kms_key")

tf_keys contains {"id": r.id, "policy": object.get(r.body, "policy", "")} if some r in tf.resources("aws_kms_key_policy")

resources contains k.id if some k in tf_keys

deny contains {"msg": msg, "resource": k.id, "attribute": "policy"} if {
	some k in tf_keys
	some s in aws_policy.tf_statements(k.policy)
	open_statement(s)
	msg := sprintf("%s lets any principal use the key without a condition", [k.id])
}

cfn_keys contains r if {
	some t in ["AWS::KMS::Key", "AWS::KMS::ReplicaKey"]
	some r in cfn.resources(t)
}

resources contains k.id if some k in cfn_keys

deny contains {"msg": msg, "resource": k.id, "attribute": "Properties.KeyPolicy"} if {
	some k in cfn_keys
	some s in aws_policy.statements(object.get(k.props, "KeyPolicy", {}))
	open_statement(s)
	msg := sprintf("KMS key %s lets any principal use the key without a condition", [k.id])
}
