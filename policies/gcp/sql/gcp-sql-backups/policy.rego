# METADATA
# title: Cloud SQL instances take automated backups
# description: >-
#   Without automated backups, a dropped table, a bad migration or a lost
#   instance cannot be restored to a recent state.
# custom:
#   id: gcp-sql-backups
#   severity: high
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: Add settings.backup_configuration { enabled = true } with a start_time and retained backups (backups are not enabled without it).
#   rationale:
#     A1.2: The database has no backups to recover from.
#     CC7.5: Data destroyed or corrupted during an incident cannot be restored.
#     ITGC-OP-1: Financial data in the database is not backed up and cannot be restored.
#   limitations: >-
#     Read replicas are skipped (they cannot have backups); backups taken by
#     Backup and DR or exports scheduled elsewhere are not seen.
package assure.gcp.sql_backups

import data.assure.lib.terraform as tf
import rego.v1

replica(body) if has(body, "master_instance_name")

replica(body) if body.instance_type == "READ_REPLICA_INSTANCE"

instances contains r if {
	some r in tf.resources("google_sql_database_instance")
	not replica(r.body)
}

resources contains r.id if some r in instances

backup(body) := tf.block(tf.block(body, "settings"), "backup_configuration")

deny contains {"msg": msg, "resource": r.id} if {
	some r in instances
	not has(backup(r.body), "enabled")
	not dynamic(r.body, "settings")
	not dynamic(tf.block(r.body, "settings"), "backup_configuration")
	msg := sprintf("Cloud SQL instance %s does not enable backup_configuration: automated backups are off", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "settings.backup_configuration.enabled"} if {
	some r in instances
	backup(r.body).enabled in {false, "false"}
	msg := sprintf("Cloud SQL instance %s disables automated backups", [r.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
