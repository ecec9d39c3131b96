# METADATA
# title: Cloud SQL instances support point-in-time recovery
# description: >-
#   Daily backups alone lose up to a day of transactions; point-in-time
#   recovery (binary logs for MySQL, write-ahead log archiving for PostgreSQL
#   and SQL Server) restores the database to just before a bad change.
# custom:
#   id: gcp-sql-pitr
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [google_sql_database_instance]
#   remediation: >-
#     In settings.backup_configuration set point_in_time_recovery_enabled = true
#     (PostgreSQL, SQL Server) or binary_log_enabled = true (MySQL); both are
#     off by default.
#   rationale:
#     A1.2: Without transaction logs, recovery is limited to the last daily backup.
#     CC7.5: Data changed during an incident cannot be restored to the moment before it.
#     ITGC-OP-1: Transactions since the last backup cannot be restored.
#   limitations: >-
#     Read replicas and instances whose database_version is not known before
#     apply are skipped; PostgreSQL and SQL Server Enterprise Plus instances
#     enable point-in-time recovery by default.
package assure.gcp.sql_pitr

import data.assure.lib.terraform as tf
import rego.v1

replica(body) if has(body, "master_instance_name")

replica(body) if body.instance_type == "READ_REPLICA_INSTANCE"

# The setting each engine uses for point-in-time recovery.
setting(version) := "binary_log_enabled" if startswith(version, "MYSQL")

setting(version) := "point_in_time_recovery_enabled" if startswith(version, "POSTGRES")

setting(version) := "point_in_time_recovery_enabled" if startswith(version, "SQLSERVER")

instances contains {"id": r.id, "name": r.name, "body": r.body, "setting": s} if {
	some r in tf.resources("google_sql_database_instance")
	not replica(r.body)
	version := r.body.database_version
	is_string(version)
	s := setting(version)
}

resources contains i.id if some i in instances

backup(body) := tf.block(tf.block(body, "settings"), "backup_configuration")

# Enterprise Plus turns point-in-time recovery on by default (not binary logs).
on_by_default(i) if {
	i.setting == "point_in_time_recovery_enabled"
	tf.block(i.body, "settings").edition == "ENTERPRISE_PLUS"
}

deny contains {"msg": msg, "resource": i.id} if {
	some i in instances
	not has(backup(i.body), i.setting)
	not dynamic(i.body, "settings")
	not dynamic(tf.block(i.body, "settings"), "backup_configuration")
	not on_by_default(i)
	msg := sprintf("Cloud SQL instance %s does not set backup_configuration.%s (off by default): no point-in-time recovery", [i.name, i.setting])
}

deny contains {"msg": msg, "resource": i.id, "attribute": sprintf("settings.backup_configuration.%s", [i.setting])} if {
	some i in instances
	backup(i.body)[i.setting] in {false, "false"}
	msg := sprintf("Cloud SQL instance %s disables %s: no point-in-time recovery", [i.name, i.setting])
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
