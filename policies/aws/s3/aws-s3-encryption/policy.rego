# METADATA
# title: S3 buckets encrypt data at rest
# description: >-
#   Objects in a bucket without default server-side encryption may be stored
#   unencrypted; encryption at rest protects confidential data from disclosure
#   through storage media and misdirected access.
# custom:
#   id: aws-s3-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration, AWS::S3::Bucket]
#   remediation: >-
#     Configure default encryption (SSE-KMS or SSE-S3) with an
#     aws_s3_bucket_server_side_encryption_configuration resource, or
#     BucketEncryption in CloudFormation.
package assure.aws.s3_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Terraform: the bucket itself (AWS provider v3 inline block) or a sibling
# aws_s3_bucket_server_side_encryption_configuration (v4+) that names it.
resources contains b.id if some b in tf.resources("aws_s3_bucket")

inline_encrypted(body) if {
	rule := tf.block(tf.block(body, "server_side_encryption_configuration"), "rule")
	default_enc := tf.block(rule, "apply_server_side_encryption_by_default")
	default_enc.sse_algorithm
}

sibling_encrypted(bucket) if {
	some cfg in tf.siblings("aws_s3_bucket_server_side_encryption_configuration", "bucket", "aws_s3_bucket", bucket.name)
	some rule in cfg.rule
	some default_enc in rule.apply_server_side_encryption_by_default
	default_enc.sse_algorithm
}

sibling_encrypted(bucket) if {
	some cfg in tf.resources("aws_s3_bucket_server_side_encryption_configuration")
	cfg.body.bucket == bucket.body.bucket
	some rule in cfg.body.rule
	some default_enc in rule.apply_server_side_encryption_by_default
	default_enc.sse_algorithm
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("aws_s3_bucket")
	not inline_encrypted(b.body)
	not sibling_encrypted(b)
	msg := sprintf("S3 bucket %s has no default server-side encryption", [b.name])
}

# CloudFormation
resources contains b.id if some b in cfn.resources("AWS::S3::Bucket")

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties"} if {
	some b in cfn.resources("AWS::S3::Bucket")
	not cfn_encrypted(b.props)
	msg := sprintf("S3 bucket %s has no BucketEncryption", [b.id])
}

# Every branch of an !If must configure default encryption.
cfn_encrypted(props) if {
	every conf in cfn.branches(props.BucketEncryption.ServerSideEncryptionConfiguration) {
		is_array(conf)
		some rule in conf
		rule.ServerSideEncryptionByDefault.SSEAlgorithm
	}
}
