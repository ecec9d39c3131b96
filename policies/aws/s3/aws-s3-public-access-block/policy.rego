# METADATA
# title: S3 buckets block public access
# description: >-
#   A bucket without a public access block with all four settings on can be
#   made public by one ACL or policy change, exposing its data to anyone.
# custom:
#   id: aws-s3-public-access-block
#   severity: high
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block, AWS::S3::Bucket]
#   remediation: >-
#     Add an aws_s3_bucket_public_access_block for the bucket with
#     block_public_acls, block_public_policy, ignore_public_acls and
#     restrict_public_buckets all true (PublicAccessBlockConfiguration in
#     CloudFormation).
#   rationale:
#     CC6.6: >-
#       The public access block is the guard CC6.6 expects on storage; without
#       all four settings the bucket becomes public through a single ACL or
#       policy change.
#     ITGC-LA-1: >-
#       Without the block, one ACL or bucket policy change can open the bucket's
#       data to anyone, unauthenticated users included.
#   limitations: >-
#     An account-level public access block (set in another configuration, in the
#     console or by the organization) protects every bucket but is not
#     considered, so such buckets are still reported.
package assure.aws.s3_public_access_block

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

resources contains b.id if some b in tf.resources("aws_s3_bucket")

blocks_for(bucket) := {pab |
	some pab in tf.resources("aws_s3_bucket_public_access_block")
	tf.linked(pab.body, "bucket", "aws_s3_bucket", bucket.name)
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("aws_s3_bucket")
	count(blocks_for(b)) == 0
	msg := sprintf("S3 bucket %s has no aws_s3_bucket_public_access_block", [b.name])
}

deny contains {"msg": msg, "resource": pab.id, "attribute": setting} if {
	some b in tf.resources("aws_s3_bucket")
	some pab in blocks_for(b)
	some setting in settings
	not tf.is_true(object.get(pab.body, setting, false))
	msg := sprintf("public access block of S3 bucket %s does not set %s = true", [b.name, setting])
}

resources contains b.id if some b in cfn.resources("AWS::S3::Bucket")

cfn_settings := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties"} if {
	some b in cfn.resources("AWS::S3::Bucket")
	some setting in cfn_settings
	not cfn.is_true(object.get(object.get(b.props, "PublicAccessBlockConfiguration", {}), setting, false))
	msg := sprintf("S3 bucket %s does not set PublicAccessBlockConfiguration.%s to true", [b.id, setting])
}
