# METADATA
# title: AWS Backup plans have rules with a retention period
# description: >-
#   A backup plan rule without a lifecycle keeps recovery points forever:
#   retention is undefined, copies of deleted or personal data are never
#   disposed of, and costs grow without limit. A plan with no rule backs up
#   nothing.
# custom:
#   id: aws-backup-plan-retention
#   severity: medium
#   soc2: [A1.2, CC6.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_backup_plan, AWS::Backup::BackupPlan]
#   remediation: >-
#     Give each rule a lifecycle { delete_after = N } matching the retention
#     policy (Lifecycle.DeleteAfterDays in CloudFormation).
#   rationale:
#     A1.2: Backups taken under rules with a defined retention are the documented backup process the criterion expects.
#     CC6.5: Recovery points with no expiry keep data the organization has decided to dispose of.
#     ITGC-OP-1: The backups of financial data follow no defined schedule and retention that restores can rely on.
#   limitations: >-
#     Whether the retention is long enough for the data, and whether backup
#     selections actually cover the resources, are not judged; values unknown
#     before apply count as set.
package assure.aws.backup_plan_retention

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in tf.resources("aws_backup_plan")

deny contains {"msg": msg, "resource": p.id, "attribute": "rule"} if {
	some p in tf.resources("aws_backup_plan")
	rules := object.get(p.body, "rule", [])
	rules == []
	msg := sprintf("%s has no backup rule", [p.id])
}

deny contains {"msg": msg, "resource": p.id, "attribute": attr} if {
	some p in tf.resources("aws_backup_plan")
	is_array(p.body.rule)
	some n, rule in p.body.rule
	not tf.block(rule, "lifecycle").delete_after
	attr := sprintf("rule[%d]", [n])
	msg := sprintf("%s rule %v keeps recovery points forever (no lifecycle delete_after)", [p.id, object.get(rule, "rule_name", n)])
}

resources contains p.id if some p in cfn.resources("AWS::Backup::BackupPlan")

cfn_rules(p) := object.get(object.get(p.props, "BackupPlan", {}), "BackupPlanRule", [])

deny contains {"msg": msg, "resource": p.id, "attribute": "Properties.BackupPlan"} if {
	some p in cfn.resources("AWS::Backup::BackupPlan")
	cfn_rules(p) == []
	msg := sprintf("backup plan %s has no backup rule", [p.id])
}

deny contains {"msg": msg, "resource": p.id, "attribute": attr} if {
	some p in cfn.resources("AWS::Backup::BackupPlan")
	rules := cfn_rules(p)
	is_array(rules)
	some n, rule in rules
	not rule.Lifecycle.DeleteAfterDays
	attr := sprintf("Properties.BackupPlan.BackupPlanRule[%d]", [n])
	msg := sprintf("backup plan %s rule %v keeps recovery points forever (no Lifecycle.DeleteAfterDays)", [p.id, object.get(rule, "RuleName", n)])
}
