# METADATA
# title: S3 buckets do not grant public ACLs
# description: >-
#   A canned ACL of public-read, public-read-write or authenticated-read lets
#   anyone (or any AWS account) list or read, and sometimes write, the bucket.
# custom:
#   id: aws-s3-public-acl
#   severity: critical
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl, AWS::S3::Bucket]
#   remediation: Use the private ACL (or no ACL with BucketOwnerEnforced object ownership) and grant access through policies.
#   rationale:
#     CC6.1: >-
#       A public-read, public-read-write or authenticated-read ACL grants access
#       to anyone (or any AWS account), so access to the bucket is not restricted
#       to authorized users.
#     CC6.6: >-
#       A public ACL exposes the bucket's data directly to the internet, past any
#       boundary protection.
#     ITGC-LA-1: >-
#       Anyone, or any AWS account, can list and read the bucket's objects, and
#       with public-read-write change them.
#   limitations: >-
#     A public access block on the bucket or the account makes such an ACL
#     ineffective and is not taken into account; bucket policies and object ACLs
#     that grant public access are not examined.
package assure.aws.s3_public_acl

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

public_acls := {"public-read", "public-read-write", "authenticated-read"}

resources contains b.id if some b in tf.resources("aws_s3_bucket")

deny contains {"msg": msg, "resource": b.id, "attribute": "acl"} if {
	some b in tf.resources("aws_s3_bucket")
	acl := b.body.acl
	acl in public_acls
	msg := sprintf("S3 bucket %s has the %s ACL", [b.name, acl])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "acl"} if {
	some a in tf.resources("aws_s3_bucket_acl")
	acl := a.body.acl
	acl in public_acls
	msg := sprintf("%s grants the %s ACL", [a.id, acl])
}

resources contains a.id if some a in tf.resources("aws_s3_bucket_acl")

resources contains b.id if some b in cfn.resources("AWS::S3::Bucket")

cfn_public := {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties.AccessControl"} if {
	some b in cfn.resources("AWS::S3::Bucket")
	acl := b.props.AccessControl
	acl in cfn_public
	msg := sprintf("S3 bucket %s has the %s ACL", [b.id, acl])
}
