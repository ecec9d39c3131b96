# METADATA
# title: Buckets that hold records use S3 Object Lock
# description: >-
#   Records that must be kept for a retention period (financial records,
#   audit evidence) must not be deletable or overwritable before it ends.
#   Buckets tagged as records (a `Records` or `Retention` tag) need Object
#   Lock with a default retention.
# custom:
#   id: aws-s3-object-lock
#   severity: high
#   soc2: [PI1.5]
#   soc1: [ITGC-DI-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_object_lock_configuration, AWS::S3::Bucket]
#   remediation: Create the bucket with object_lock_enabled = true and add an aws_s3_bucket_object_lock_configuration with a default retention (COMPLIANCE mode for records).
#   rationale:
#     PI1.5: >-
#       Buckets tagged as records store inputs and outputs that must be kept
#       complete and unaltered for their retention period, and without Object
#       Lock any object can be overwritten or deleted at any time.
#     ITGC-DI-2: >-
#       Without an Object Lock default retention, records in the bucket can be
#       deleted or overwritten before their retention ends.
#   limitations: >-
#     Only buckets with a literal Records or Retention tag are examined: tags
#     built by expressions are not read and untagged record stores are missed.
#     The length of the retention, and whether GOVERNANCE mode lets privileged
#     users bypass it, are not compared with the retention policy.
package assure.aws.s3_object_lock

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

record_tags := {"records", "retention"}

# Tags built by an expression (`tags = local.tags`) stay "${...}" strings
# and cannot be read: only literal tag maps are examined.
is_records(tags) if {
	is_object(tags)
	some k, _ in tags
	lower(k) in record_tags
}

records_buckets contains b if {
	some b in tf.resources("aws_s3_bucket")
	is_records(object.get(b.body, "tags", {}))
}

resources contains b.id if some b in records_buckets

locked(b) if {
	tf.is_true(b.body.object_lock_enabled)
	some c in tf.siblings("aws_s3_bucket_object_lock_configuration", "bucket", "aws_s3_bucket", b.name)
	some rule in c.rule
	some retention in rule.default_retention
	retention.mode
}

locked(b) if {
	some conf in b.body.object_lock_configuration
	conf.object_lock_enabled == "Enabled"
	some rule in conf.rule
	some retention in rule.default_retention
	retention.mode
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in records_buckets
	not locked(b)
	msg := sprintf("S3 bucket %s holds records but has no Object Lock default retention", [b.name])
}

cfn_records contains b if {
	some b in cfn.resources("AWS::S3::Bucket")
	is_array(b.props.Tags)
	some tag in b.props.Tags
	lower(tag.Key) in record_tags
}

resources contains b.id if some b in cfn_records

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties"} if {
	some b in cfn_records
	not b.props.ObjectLockConfiguration.Rule.DefaultRetention.Mode
	msg := sprintf("S3 bucket %s holds records but has no Object Lock default retention", [b.id])
}
