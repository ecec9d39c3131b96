# METADATA
# title: CloudTrail logs are encrypted with a customer-managed KMS key
# description: >-
#   Audit logs reveal the whole account's activity; encrypting them with a
#   KMS key adds a second access decision (the key policy) and an audit trail
#   of who decrypted them.
# custom:
#   id: aws-cloudtrail-kms
#   severity: medium
#   soc2: [CC6.1, CC7.2]
#   soc1: [ITGC-DI-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation: Set kms_key_id on the trail (KMSKeyId in CloudFormation) to a customer-managed key.
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
