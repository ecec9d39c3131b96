# METADATA
# title: S3 buckets log access
# description: >-
#   Server access logs record who read, wrote or deleted objects; without
#   them an incident on the bucket cannot be investigated.
# custom:
#   id: aws-s3-access-logging
#   severity: low
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket_logging, aws_s3_bucket, AWS::S3::Bucket]
#   remediation: Add an aws_s3_bucket_logging resource (or a logging block) that sends access logs to a log bucket; LoggingConfiguration in CloudFormation.
#   rationale:
#     CC7.2: >-
#       Without server access logs, reads, writes and deletions on the bucket
#       leave no record, so anomalous access cannot be detected or investigated.
#     ITGC-OP-2: Access to the bucket's data is not logged, so it cannot be monitored or alerted on.
#   limitations: >-
#     CloudTrail data events, which may log object access instead, are not
#     considered; buckets that receive access logs are exempt, and whether the
#     logs are kept or reviewed is not known.
package assure.aws.s3_access_logging

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# A bucket that receives access logs does not log to itself.
log_targets contains t if {
	some l in tf.resources("aws_s3_bucket_logging")
	t := l.body.target_bucket
}

log_targets contains t if {
	some b in tf.resources("aws_s3_bucket")
	some l in b.body.logging
	t := l.target_bucket
}

is_log_bucket(b) if {
	some t in log_targets
	tf.references(t, "aws_s3_bucket", b.name)
}

is_log_bucket(b) if {
	some t in log_targets
	t == b.body.bucket
}

logged(b) if tf.block(b.body, "logging").target_bucket

logged(b) if count(tf.siblings("aws_s3_bucket_logging", "bucket", "aws_s3_bucket", b.name)) > 0

resources contains b.id if {
	some b in tf.resources("aws_s3_bucket")
	not is_log_bucket(b)
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("aws_s3_bucket")
	not is_log_bucket(b)
	not logged(b)
	msg := sprintf("S3 bucket %s does not log access", [b.name])
}

resources contains b.id if some b in cfn.resources("AWS::S3::Bucket")

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties"} if {
	some b in cfn.resources("AWS::S3::Bucket")
	not b.props.LoggingConfiguration
	msg := sprintf("S3 bucket %s does not log access", [b.id])
}
