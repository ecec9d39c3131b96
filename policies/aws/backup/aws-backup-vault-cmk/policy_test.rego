package assure.aws.backup_vault_cmk_test

import data.assure.aws.backup_vault_cmk as p
import rego.v1

vault(body) := {"resource": {"aws_backup_vault": {"main": [object.union({"name": "main"}, body)]}}}

test_default_key_fails if {
	count(p.deny) == 1 with input as vault({})
	count(p.deny) == 1 with input as vault({"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup"})
}

test_customer_key_passes if {
	count(p.deny) == 0 with input as vault({"kms_key_arn": "${aws_kms_key.backup.arn}"})
	count(p.deny) == 0 with input as vault({"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"V": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "main"}}}}
	count(p.deny) == 0 with input as {"Resources": {"V": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "main", "EncryptionKeyArn": {"Fn::GetAtt": ["Key", "Arn"]}}}}}
}
