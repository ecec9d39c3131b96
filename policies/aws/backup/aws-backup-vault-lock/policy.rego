# METADATA
# title: Backup vaults are locked
# description: >-
#   Without a vault lock, anyone with enough permissions, including an attacker
#   holding a compromised admin role, can delete recovery points or shorten
#   their retention before restoring them is needed.
# custom:
#   id: aws-backup-vault-lock
#   severity: medium
#   soc2: [A1.3, CC7.5]
#   soc1: [ITGC-DI-2, ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_backup_vault, AWS::Backup::BackupVault]
#   remediation: >-
#     Add an aws_backup_vault_lock_configuration for the vault (LockConfiguration
#     in CloudFormation) with min_retention_days matching the recovery plan,
#     and changeable_for_days to make it immutable (compliance mode).
#   rationale:
#     A1.3: A vault lock keeps the recovery points the recovery plan relies on, so the restores it is tested against stay possible for their whole retention.
#     CC7.5: Immutable recovery points can still be restored after an incident in which an attacker tried to delete the backups.
#     ITGC-DI-2: Without a lock, backed-up records can be deleted before their retention period ends.
#     ITGC-OP-1: Backups that can be deleted by a compromised or mistaken administrator may not be there to restore.
#   limitations: >-
#     A lock in governance mode (no changeable_for_days) can still be removed by
#     principals allowed to; the lock must be in the same module or template as
#     the vault to be seen, and the retention it enforces is not compared with
#     any policy.
package assure.aws.backup_vault_lock

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains v.id if some v in tf.resources("aws_backup_vault")

locked(v) if {
	some l in tf.resources("aws_backup_vault_lock_configuration")
	tf.references(object.get(l.body, "backup_vault_name", ""), "aws_backup_vault", v.name)
}

locked(v) if {
	some l in tf.resources("aws_backup_vault_lock_configuration")
	name := object.get(l.body, "backup_vault_name", null)
	is_string(name)
	name == object.get(v.body, "name", "")
}

deny contains {"msg": msg, "resource": v.id} if {
	some v in tf.resources("aws_backup_vault")
	not locked(v)
	msg := sprintf("backup vault %s has no vault lock: its recovery points can be deleted before their retention ends", [v.name])
}

resources contains v.id if some v in cfn.resources("AWS::Backup::BackupVault")

deny contains {"msg": msg, "resource": v.id, "attribute": "Properties"} if {
	some v in cfn.resources("AWS::Backup::BackupVault")
	not is_object(object.get(v.props, "LockConfiguration", null))
	msg := sprintf("backup vault %s has no LockConfiguration: its recovery points can be deleted before their retention ends", [v.id])
}
