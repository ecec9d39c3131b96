# METADATA
# title: SNS topics encrypt messages at rest
# description: Topics are not encrypted by default; notifications can carry customer data.
# custom:
#   id: aws-sns-encryption
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_sns_topic, AWS::SNS::Topic]
#   remediation: Set kms_master_key_id (KmsMasterKeyId in CloudFormation), for example to alias/aws/sns.
#   rationale:
#     CC6.1: >-
#       A topic without a KMS key stores messages unencrypted at rest while they
#       await delivery, without the encryption at rest CC6.1 expects.
#     C1.1: >-
#       Notifications often carry customer or business data, and an unencrypted
#       topic leaves that confidential data unprotected at rest.
#     ITGC-LA-3: >-
#       Financial data carried in messages is stored in the clear while delivery
#       is retried, short of the protection at rest the objective requires.
#   limitations: >-
#     What the topic carries cannot be seen, so topics that only relay
#     operational alerts are reported too; whether the key is customer-managed
#     and what its key policy allows are not checked, and a key id given by an
#     expression unknown before apply passes.
package assure.aws.sns_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains t.id if some t in tf.resources("aws_sns_topic")

deny contains {"msg": msg, "resource": t.id, "attribute": "kms_master_key_id"} if {
	some t in tf.resources("aws_sns_topic")
	not t.body.kms_master_key_id
	msg := sprintf("SNS topic %s is not encrypted", [t.name])
}

resources contains t.id if some t in cfn.resources("AWS::SNS::Topic")

deny contains {"msg": msg, "resource": t.id, "attribute": "Properties"} if {
	some t in cfn.resources("AWS::SNS::Topic")
	not t.props.KmsMasterKeyId
	msg := sprintf("SNS topic %s is not encrypted", [t.id])
}
