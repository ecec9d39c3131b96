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
