package assure.aws.backup_cross_region_copy_test

import data.assure.aws.backup_cross_region_copy as c
import rego.v1

plan(rules) := {"resource": {"aws_backup_plan": {"p": [{"name": "p", "rule": rules}]}}}

test_no_copy_fails if {
	count(c.deny) == 1 with input as plan([{"rule_name": "daily", "target_vault_name": "main", "schedule": "cron(0 5 * * ? *)"}])
	count(c.deny) == 1 with input as {"resource": {"aws_backup_plan": {"p": [{"name": "p"}]}}}
	count(c.deny) == 1 with input as plan("${local.rules}")
}

test_copy_passes if {
	count(c.deny) == 0 with input as plan([
		{"rule_name": "daily", "target_vault_name": "main", "copy_action": [{"destination_vault_arn": "${aws_backup_vault.dr.arn}"}]},
		{"rule_name": "monthly", "target_vault_name": "main"},
	])
}

tpl(rule) := {"Resources": {"P": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanName": "p", "BackupPlanRule": [rule]}}}}}

test_cloudformation if {
	count(c.deny) == 1 with input as tpl({"RuleName": "daily", "TargetBackupVault": "main"})
	count(c.deny) == 0 with input as tpl({"RuleName": "daily", "TargetBackupVault": "main", "CopyActions": [{"DestinationBackupVaultArn": "arn:aws:backup:us-west-2:123456789012:backup-vault:dr"}]})
}

test_unexpanded_dynamic_blocks_pass if {
	count(c.deny) == 0 with input as {"resource": {"aws_backup_plan": {"p": [{"name": "p", "dynamic": {"rule": [{"for_each": "${var.rules}"}]}}]}}}
	count(c.deny) == 0 with input as plan([{"rule_name": "daily", "dynamic": {"copy_action": [{"for_each": "${var.copies}"}]}}])
}
