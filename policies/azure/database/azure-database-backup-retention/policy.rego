# METADATA
# title: Databases keep point-in-time backups for at least 7 days
# description: >-
#   Point-in-time restore reaches back only as far as the backup retention;
#   a day or two rarely covers the time it takes to notice corrupted or
#   deleted data.
# custom:
#   id: azure-database-backup-retention
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server, azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server, azurerm_mssql_database]
#   remediation: Set backup_retention_days (short_term_retention_policy retention_days on SQL databases) to 7 or more, up to 35.
#   rationale:
#     A1.2: Backup retention determines how far back data can be recovered.
#     CC7.5: Data damaged in an incident noticed after the retention window cannot be restored.
#     ITGC-OP-1: Financial data must be restorable from backups covering a reasonable detection period.
#   limitations: >-
#     Provider defaults (7 days) are assumed for absent attributes; long-term
#     retention policies and backup vaults are not taken into account.
package assure.azure.database_backup_retention

import data.assure.lib.terraform as tf
import rego.v1

minimum := 7

server_types := [
	"azurerm_postgresql_server",
	"azurerm_mysql_server",
	"azurerm_mariadb_server",
	"azurerm_postgresql_flexible_server",
	"azurerm_mysql_flexible_server",
]

resources contains r.id if {
	some t in array.concat(server_types, ["azurerm_mssql_database"])
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "backup_retention_days"} if {
	some t in server_types
	some r in tf.resources(t)
	days := tf.number(object.get(r.body, "backup_retention_days", minimum))
	days < minimum
	msg := sprintf("%s keeps backups for %v days (minimum %d)", [r.id, days, minimum])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "short_term_retention_policy.retention_days"} if {
	some r in tf.resources("azurerm_mssql_database")
	days := tf.number(tf.block(r.body, "short_term_retention_policy").retention_days)
	days < minimum
	msg := sprintf("%s keeps point-in-time backups for %v days (minimum %d)", [r.id, days, minimum])
}
