# METADATA
# title: EFS file systems are encrypted
# description: Encryption at rest can only be chosen when a file system is created; without it the data is stored in the clear.
# custom:
#   id: aws-efs-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_efs_file_system, AWS::EFS::FileSystem]
#   remediation: Set encrypted = true (Encrypted in CloudFormation), with a customer-managed kms_key_id for confidential data.
#   rationale:
#     CC6.1: >-
#       A file system created without encryption keeps its data in the clear for
#       its whole life, since encryption cannot be turned on later.
#     C1.1: Confidential files on an unencrypted file system are not protected at rest.
#     ITGC-LA-3: >-
#       Financial data on the file system is not encrypted at rest, and cannot be
#       without recreating the file system.
#   limitations: >-
#     Whether the KMS key is customer-managed is not checked, and encryption in
#     transit is a mount option of each client, not visible here.
package assure.aws.efs_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains f.id if some f in tf.resources("aws_efs_file_system")

deny contains {"msg": msg, "resource": f.id, "attribute": "encrypted"} if {
	some f in tf.resources("aws_efs_file_system")
	not tf.is_true(object.get(f.body, "encrypted", false))
	msg := sprintf("EFS file system %s is not encrypted", [f.name])
}

resources contains f.id if some f in cfn.resources("AWS::EFS::FileSystem")

deny contains {"msg": msg, "resource": f.id, "attribute": "Properties"} if {
	some f in cfn.resources("AWS::EFS::FileSystem")
	not cfn.is_true(object.get(f.props, "Encrypted", false))
	msg := sprintf("EFS file system %s is not encrypted", [f.id])
}
