package assure.aws.backup_vault_lock_test

import data.assure.aws.backup_vault_lock as c
import rego.v1

vault := {"aws_backup_vault": {"main": [{"name": "main"}]}}

lock(name) := {"aws_backup_vault_lock_configuration": {"main": [{"backup_vault_name": name, "min_retention_days": 35, "changeable_for_days": 3}]}}

test_unlocked_vault_fails if {
	count(c.deny) == 1 with input as {"resource": vault}
	count(c.deny) == 1 with input as {"resource": object.union(vault, lock("other"))}
	count(c.deny) == 1 with input as {"resource": object.union(vault, lock("${aws_backup_vault.other.name}"))}
}

test_locked_vault_passes if {
	count(c.deny) == 0 with input as {"resource": object.union(vault, lock("${aws_backup_vault.main.name}"))}
	count(c.deny) == 0 with input as {"resource": object.union(vault, lock("main"))}
	count(c.resources) == 1 with input as {"resource": vault}
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"V": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "main"}}}}
	count(c.deny) == 0 with input as {"Resources": {"V": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "main", "LockConfiguration": {"MinRetentionDays": 35}}}}}
}
