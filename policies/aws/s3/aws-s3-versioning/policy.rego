# METADATA
# title: S3 buckets keep object versions
# description: >-
#   Without versioning, an overwrite or delete (by mistake, by a faulty job or
#   by ransomware) destroys the only copy of an object; versioning keeps the
#   previous ones for recovery.
# custom:
#   id: aws-s3-versioning
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning, AWS::S3::Bucket]
#   remediation: Enable versioning with an aws_s3_bucket_versioning resource (status Enabled), or VersioningConfiguration in CloudFormation.
#   rationale:
#     A1.2: >-
#       Versioning is among the protections A1.2 expects; without it an overwrite
#       or delete destroys the only copy of an object.
#     CC7.5: >-
#       Versioning is what allows restoring objects tampered with or deleted
#       during an incident, such as ransomware overwriting them.
#     ITGC-OP-1: >-
#       Without versioning, a deleted or overwritten object holding financial
#       data cannot be restored from the bucket.
#   limitations: >-
#     Replication or AWS Backup copies made outside this code may make objects
#     recoverable anyway; versioning suspended later outside the code, and
#     lifecycle rules that expire old versions quickly, are not seen.
package assure.aws.s3_versioning

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains b.id if some b in tf.resources("aws_s3_bucket")

versioned(b) if tf.is_true(tf.block(b.body, "versioning").enabled)

versioned(b) if {
	some v in tf.siblings("aws_s3_bucket_versioning", "bucket", "aws_s3_bucket", b.name)
	some conf in v.versioning_configuration
	conf.status == "Enabled"
}

deny contains {"msg": msg, "resource": b.id} if {
	some b in tf.resources("aws_s3_bucket")
	not versioned(b)
	msg := sprintf("S3 bucket %s does not enable versioning", [b.name])
}

resources contains b.id if some b in cfn.resources("AWS::S3::Bucket")

deny contains {"msg": msg, "resource": b.id, "attribute": "Properties"} if {
	some b in cfn.resources("AWS::S3::Bucket")
	not b.props.VersioningConfiguration.Status == "Enabled"
	msg := sprintf("S3 bucket %s does not enable versioning", [b.id])
}
