# METADATA
# title: Buckets of personal or confidential data expire their objects
# description: >-
#   A bucket tagged as holding personal or confidential data with no lifecycle
#   rule that expires objects keeps every object forever: data that should be
#   disposed of at the end of its retention period never is.
# custom:
#   id: aws-s3-lifecycle-expiration
#   severity: medium
#   soc2: [CC6.5, C1.2, P4.3]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_lifecycle_configuration, AWS::S3::Bucket]
#   remediation: >-
#     Add an enabled lifecycle rule with an expiration (days or date) matching
#     the data's retention period: an aws_s3_bucket_lifecycle_configuration
#     rule with expiration, or LifecycleConfiguration Rules with
#     ExpirationInDays in CloudFormation.
#   rationale:
#     CC6.5: Without an expiration rule the objects are never disposed of when they are no longer needed, which is the disposal CC6.5 expects.
#     C1.2: Data classified as confidential is kept beyond its retention period when nothing deletes it.
#     P4.3: Personal information is not disposed of at the end of its retention period when the bucket holding it never expires objects.
#   limitations: >-
#     Only buckets whose own tags classify them (DataClassification,
#     data_classification, Classification, DataSensitivity or Sensitivity set to
#     personal, pii, phi, confidential, restricted or sensitive) are examined;
#     tags from the provider's default_tags or unknown before apply are not
#     seen. Any enabled rule with an expiration passes, whatever its prefix
#     filter or period; noncurrent versions of a versioned bucket are not
#     checked. Dynamic blocks that cannot be expanded before apply are taken as
#     set.
package assure.aws.s3_lifecycle_expiration

import data.assure.lib.classification
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
# Buckets whose tags classify them as holding personal or confidential data
# (library assure.lib.classification), with the class named in messages.
tagged := {b.name: {"bucket": b, "class": c} |
	some b in tf.resources("aws_s3_bucket")
	c := classification.tf_confidential(object.get(b.body, "tags", {}))
}

resources contains t.bucket.id if some _, t in tagged

has_expiration(e) if tf.number(object.get(e, "days", null)) > 0

has_expiration(e) if {
	d := object.get(e, "date", "")
	is_string(d)
	d != ""
}

# Unknown before apply: given the benefit of the doubt.
has_expiration(e) if startswith(sprintf("%v", [object.get(e, "days", "")]), "${")

expires(b) if unknown_block(b.body, "lifecycle_rule")

expires(b) if {
	some conf in tf.siblings("aws_s3_bucket_lifecycle_configuration", "bucket", "aws_s3_bucket", b.name)
	unknown_block(conf, "rule")
}

rule_expires(rule) if has_expiration(tf.block(rule, "expiration"))

rule_expires(rule) if unknown_block(rule, "expiration")

# AWS provider v3: lifecycle_rule blocks in the bucket.
expires(b) if {
	rules := object.get(b.body, "lifecycle_rule", [])
	is_array(rules)
	some rule in rules
	tf.is_true(object.get(rule, "enabled", false))
	rule_expires(rule)
}

# v4+: an aws_s3_bucket_lifecycle_configuration naming the bucket.
expires(b) if {
	some conf in tf.siblings("aws_s3_bucket_lifecycle_configuration", "bucket", "aws_s3_bucket", b.name)
	rules := object.get(conf, "rule", [])
	is_array(rules)
	some rule in rules
	object.get(rule, "status", "") == "Enabled"
	rule_expires(rule)
}

deny contains {"msg": msg, "resource": t.bucket.id} if {
	some _, t in tagged
	not expires(t.bucket)
	msg := sprintf("S3 bucket %s is classified %s but no enabled lifecycle rule expires its objects", [t.bucket.name, t.class])
}

# ---- CloudFormation -------------------------------------------------------
cfn_tagged contains {"bucket": b, "class": c} if {
	some b in cfn.resources("AWS::S3::Bucket")
	c := classification.cfn_confidential(object.get(b.props, "Tags", []))
}

resources contains t.bucket.id if some t in cfn_tagged

cfn_expires(b) if {
	rules := object.get(object.get(b.props, "LifecycleConfiguration", {}), "Rules", [])
	is_array(rules)
	some rule in rules
	object.get(rule, "Status", "") == "Enabled"
	some key in ["ExpirationInDays", "ExpirationDate"]
	rule[key]
}

deny contains {"msg": msg, "resource": t.bucket.id, "attribute": "Properties"} if {
	some t in cfn_tagged
	not cfn_expires(t.bucket)
	msg := sprintf("S3 bucket %s is classified %s but no enabled lifecycle rule expires its objects", [t.bucket.id, t.class])
}

# A block written as a dynamic block that could not be expanded: unknown
# before apply, given the benefit of the doubt.
unknown_block(body, key) if {
	d := object.get(body, "dynamic", {})
	is_object(d)
	d[key]
}
