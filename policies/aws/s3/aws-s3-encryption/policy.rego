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
#   rationale:
#     CC6.1: >-
#       A bucket without default server-side encryption does not state that
#       objects are encrypted at rest, the encryption CC6.1 expects.
#     C1.1: >-
#       Buckets commonly hold confidential documents and exports, and without
#       default encryption their protection at rest is not assured by the
#       configuration.
#     ITGC-LA-3: >-
#       Objects holding financial data may be stored without the encryption at
#       rest the objective requires.
#   limitations: >-
#     Since January 2023 S3 encrypts new objects with SSE-S3 whatever the
#     configuration, so a finding means the encryption is not stated in code
#     rather than that data is stored in the clear; whether a customer-managed
#     KMS key is used is not checked.
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
