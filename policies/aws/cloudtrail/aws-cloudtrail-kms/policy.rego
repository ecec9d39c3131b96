# METADATA
# title: CloudTrail logs are encrypted with a customer-managed KMS key
# description: >-
#   Audit logs reveal the whole account's activity; encrypting them with a
#   KMS key adds a second access decision (the key policy) and an audit trail
#   of who decrypted them.
# custom:
#   id: aws-cloudtrail-kms
#   severity: medium
#   soc2: [CC6.1]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation: Set kms_key_id on the trail (KMSKeyId in CloudFormation) to a customer-managed key.
#   rationale:
#     CC6.1: >-
#       Without a KMS key, anyone who can read the log bucket reads the whole
#       account's audit trail; the key policy is the access decision, and its
#       decrypt log the record, that CC6.1 expects over sensitive data at rest.
#   limitations: >-
#     Whether the key policy really limits decryption to the people who
#     investigate, and how the log bucket itself is protected, cannot be seen
#     from the trail; a kms_key_id given by an expression unknown before apply
#     passes.
package assure.aws.cloudtrail_kms

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains t.id if some t in tf.resources("aws_cloudtrail")

deny contains {"msg": msg, "resource": t.id, "attribute": "kms_key_id"} if {
	some t in tf.resources("aws_cloudtrail")
	not t.body.kms_key_id
	msg := sprintf("CloudTrail trail %s is not encrypted with a KMS key", [t.name])
}

resources contains t.id if some t in cfn.resources("AWS::CloudTrail::Trail")

deny contains {"msg": msg, "resource": t.id, "attribute": "Properties"} if {
	some t in cfn.resources("AWS::CloudTrail::Trail")
	not t.props.KMSKeyId
	msg := sprintf("CloudTrail trail %s is not encrypted with a KMS key", [t.id])
}
