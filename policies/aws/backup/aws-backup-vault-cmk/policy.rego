# METADATA
# title: AWS Backup vaults encrypt with a customer-managed KMS key
# description: >-
#   A vault without its own key encrypts recovery points with the AWS-managed
#   backup key, whose policy the organization cannot restrict or audit
#   separately: anyone allowed to use AWS Backup in the account can restore
#   the data.
# custom:
#   id: aws-backup-vault-cmk
#   severity: medium
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_backup_vault, AWS::Backup::BackupVault]
#   remediation: Set kms_key_arn (EncryptionKeyArn in CloudFormation) to a customer-managed KMS key whose policy limits who can restore.
#   rationale:
#     CC6.1: A customer-managed key lets the organization control and audit who can decrypt the backups, the key management the criterion expects.
#     C1.1: Backups of confidential data protected only by the AWS-managed key are restorable by anyone with backup permissions.
#     ITGC-LA-3: Copies of financial data are not protected by keys the organization controls.
#   limitations: >-
#     Whether the key named is customer-managed is judged from its reference
#     (a key of the module, a variable, or an ARN that is not an alias/aws/
#     alias); the key's own policy is not judged here.
package assure.aws.backup_vault_cmk

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# No key, or the AWS-managed backup key by alias.
aws_managed(key) if key == ""

aws_managed(key) if {
	is_string(key)
	contains(key, "alias/aws/")
}

resources contains v.id if some v in tf.resources("aws_backup_vault")

deny contains {"msg": msg, "resource": v.id, "attribute": "kms_key_arn"} if {
	some v in tf.resources("aws_backup_vault")
	aws_managed(object.get(v.body, "kms_key_arn", ""))
	msg := sprintf("%s encrypts recovery points with the AWS-managed key (no customer kms_key_arn)", [v.id])
}

resources contains v.id if some v in cfn.resources("AWS::Backup::BackupVault")

deny contains {"msg": msg, "resource": v.id, "attribute": "Properties.EncryptionKeyArn"} if {
	some v in cfn.resources("AWS::Backup::BackupVault")
	some key in cfn.branches(object.get(v.props, "EncryptionKeyArn", ""))
	aws_managed(key)
	msg := sprintf("backup vault %s encrypts recovery points with the AWS-managed key (no customer EncryptionKeyArn)", [v.id])
}
