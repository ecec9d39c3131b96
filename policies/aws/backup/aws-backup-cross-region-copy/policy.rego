# METADATA
# title: Backup plans copy recovery points to another vault
# description: >-
#   A backup plan whose recovery points stay in one vault loses them with that
#   vault's region or account: an outage, a deleted vault or a compromised
#   account takes the data and its backups together.
# custom:
#   id: aws-backup-cross-region-copy
#   severity: medium
#   soc2: [CC9.1, A1.2]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_backup_plan, AWS::Backup::BackupPlan]
#   remediation: >-
#     Add a copy_action to the plan's rule (CopyActions in CloudFormation)
#     with destination_vault_arn set to a vault in another region or account,
#     with its own lifecycle.
#   rationale:
#     CC9.1: Copies in another region or account are the geo-redundant backups that let the business recover from the loss of a region or account.
#     A1.2: Backups kept only beside the data they protect are not the recovery infrastructure A1.2 expects for a regional outage.
#     ITGC-OP-1: Financial data whose only backups are in the same vault cannot be restored if that vault, its region or its account is lost.
#   limitations: >-
#     A plan passes when one of its rules has a copy action; whether the
#     destination vault really is in another region or account is not known when
#     it is a reference, and plans defined outside this code are not seen.
#     Dynamic blocks that cannot be expanded before apply are taken as set.
package assure.aws.backup_cross_region_copy

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in tf.resources("aws_backup_plan")

copies(p) if unknown_block(p.body, "rule")

copies(p) if {
	rules := object.get(p.body, "rule", [])
	is_array(rules)
	some rule in rules
	unknown_block(rule, "copy_action")
}

copies(p) if {
	rules := object.get(p.body, "rule", [])
	is_array(rules)
	some rule in rules
	actions := object.get(rule, "copy_action", [])
	is_array(actions)
	some action in actions
	object.get(action, "destination_vault_arn", "") != ""
}

deny contains {"msg": msg, "resource": p.id, "attribute": "rule"} if {
	some p in tf.resources("aws_backup_plan")
	not copies(p)
	msg := sprintf("backup plan %s copies its recovery points to no other vault (no copy_action)", [p.name])
}

resources contains p.id if some p in cfn.resources("AWS::Backup::BackupPlan")

cfn_copies(p) if {
	rules := object.get(object.get(p.props, "BackupPlan", {}), "BackupPlanRule", [])
	is_array(rules)
	some rule in rules
	actions := object.get(rule, "CopyActions", [])
	is_array(actions)
	some action in actions
	object.get(action, "DestinationBackupVaultArn", "") != ""
}

deny contains {"msg": msg, "resource": p.id, "attribute": "Properties.BackupPlan.BackupPlanRule"} if {
	some p in cfn.resources("AWS::Backup::BackupPlan")
	not cfn_copies(p)
	msg := sprintf("backup plan %s copies its recovery points to no other vault (no CopyActions)", [p.id])
}

# A block written as a dynamic block that could not be expanded: unknown
# before apply, given the benefit of the doubt.
unknown_block(body, key) if {
	d := object.get(body, "dynamic", {})
	is_object(d)
	d[key]
}
