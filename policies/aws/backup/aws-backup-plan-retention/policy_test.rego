package assure.aws.backup_plan_retention_test

import data.assure.aws.backup_plan_retention as p
import rego.v1

plan(rules) := {"resource": {"aws_backup_plan": {"daily": [{"name": "daily", "rule": rules}]}}}

test_rules_without_retention_fail if {
	count(p.deny) == 1 with input as plan([{"rule_name": "daily", "target_vault_name": "v", "schedule": "cron(0 5 * * ? *)"}])
	count(p.deny) == 1 with input as plan([{"rule_name": "daily", "lifecycle": [{"cold_storage_after": 30}]}])
	count(p.deny) == 1 with input as plan([])
	count(p.deny) == 1 with input as {"resource": {"aws_backup_plan": {"daily": [{"name": "daily"}]}}}
}

test_rules_with_retention_pass if {
	count(p.deny) == 0 with input as plan([{"rule_name": "daily", "lifecycle": [{"delete_after": 35}]}])
	count(p.deny) == 0 with input as plan([{"rule_name": "daily", "lifecycle": [{"delete_after": "${var.retention_days}"}]}])
	count(p.deny) == 0 with input as {"resource": {"aws_backup_plan": {"daily": [{"rule": "${var.rules}"}]}}}
}

cfn_plan(rules) := {"Resources": {"P": {"Type": "AWS::Backup::BackupPlan", "Properties": {"BackupPlan": {"BackupPlanName": "daily", "BackupPlanRule": rules}}}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_plan([{"RuleName": "daily", "TargetBackupVault": "v"}])
	count(p.deny) == 1 with input as cfn_plan([])
	count(p.deny) == 0 with input as cfn_plan([{"RuleName": "daily", "TargetBackupVault": "v", "Lifecycle": {"DeleteAfterDays": 35}}])
}
