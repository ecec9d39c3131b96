# METADATA
# title: S3 bucket policies do not grant access to everyone
# description: >-
#   A bucket policy statement that allows principal "*" (or any AWS account)
#   with no condition hands the bucket's objects to anyone on the internet,
#   whatever the account's own IAM policies say.
# custom:
#   id: aws-s3-bucket-policy-public
#   severity: critical
#   soc2: [CC6.1, CC6.6, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket_policy, aws_s3_bucket, aws_iam_policy_document, AWS::S3::BucketPolicy]
#   remediation: >-
#     Name the accounts, roles or services that need the bucket as principals,
#     or narrow a public statement with a Condition (aws:SourceVpce,
#     aws:PrincipalOrgID, aws:SourceArn); serve public content through
#     CloudFront with origin access control instead.
#   rationale:
#     CC6.1: Access to stored data that IAM does not restrict to identified principals is an exception to logical access controls over information assets.
#     CC6.6: A bucket readable or writable from outside the organization is an open path through the system boundary.
#     C1.1: Confidential objects in a bucket open to everyone are not protected from disclosure.
#     ITGC-LA-1: Financial data in a bucket anyone can reach is not restricted to authorized, authenticated users.
#   limitations: >-
#     Policies whose text is unknown before apply (file(), templatefile(),
#     jsonencode of unknown values, data sources of other modules) are not
#     judged, and any Condition counts as narrowing; buckets meant to be public
#     websites fail and should be waived. The bucket's public access block,
#     which can neutralize the policy, is checked by aws-s3-public-access-block.
package assure.aws.s3_bucket_policy_public

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

tf_policies contains {"id": r.id, "name": r.name, "policy": policy} if {
	some r in tf.resources("aws_s3_bucket_policy")
	policy := r.body.policy
}

# The policy argument of aws_s3_bucket (AWS provider before v4).
tf_policies contains {"id": r.id, "name": r.name, "policy": policy} if {
	some r in tf.resources("aws_s3_bucket")
	policy := r.body.policy
}

resources contains p.id if some p in tf_policies

deny contains {"msg": msg, "resource": p.id, "attribute": "policy"} if {
	some p in tf_policies
	some s in aws_policy.tf_statements(p.policy)
	open_statement(s)
	msg := sprintf("%s allows any principal without a condition", [p.id])
}

resources contains r.id if some r in cfn.resources("AWS::S3::BucketPolicy")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.PolicyDocument"} if {
	some r in cfn.resources("AWS::S3::BucketPolicy")
	some s in aws_policy.statements(object.get(r.props, "PolicyDocument", {}))
	open_statement(s)
	msg := sprintf("bucket policy %s allows any principal without a condition", [r.id])
}
