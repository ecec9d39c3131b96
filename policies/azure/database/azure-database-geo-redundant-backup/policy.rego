# METADATA
# title: Database backups are geo-redundant
# description: >-
#   Backups kept only in the server's region are lost with it in a regional
#   outage or disaster; geo-redundant backup storage copies them to the
#   paired region so the database can be restored elsewhere.
# custom:
#   id: azure-database-geo-redundant-backup
#   severity: medium
#   soc2: [CC9.1, A1.2]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server, azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server, azurerm_mssql_database]
#   remediation: >-
#     Set geo_redundant_backup_enabled = true when creating PostgreSQL, MySQL
#     and MariaDB servers (not available on the Basic tier), and keep
#     storage_account_type = "Geo" or "GeoZone" (the default) on SQL databases.
#   rationale:
#     CC9.1: Backups confined to one region do not mitigate the disruption of losing that region.
#     A1.2: Geo-redundant backup storage is the recovery infrastructure for a regional failure.
#     ITGC-OP-1: Financial data cannot be restored if the region holding its only backups is unavailable.
#   limitations: >-
#     The provider default (false for PostgreSQL, MySQL and MariaDB servers)
#     is assumed when the attribute is absent. Replicas, long-term retention
#     vaults or exports to another region are not taken into account.
package assure.azure.database_geo_redundant_backup

import data.assure.lib.terraform as tf
import rego.v1

server_types := [
	"azurerm_postgresql_server",
	"azurerm_mysql_server",
	"azurerm_mariadb_server",
	"azurerm_postgresql_flexible_server",
	"azurerm_mysql_flexible_server",
]

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

# Replicas and point-in-time restores take their backups from the source.
secondary(body) if object.get(body, "create_mode", "Default") in {"Replica", "GeoRestore", "PointInTimeRestore"}

resources contains r.id if {
	some t in array.concat(server_types, ["azurerm_mssql_database"])
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "geo_redundant_backup_enabled"} if {
	some t in server_types
	some r in tf.resources(t)
	not secondary(r.body)
	v := object.get(r.body, "geo_redundant_backup_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s keeps backups in one region only (geo_redundant_backup_enabled defaults to false)", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "storage_account_type"} if {
	some r in tf.resources("azurerm_mssql_database")
	kind := object.get(r.body, "storage_account_type", "Geo")
	kind in {"Local", "Zone"}
	msg := sprintf("%s stores backups in %s-redundant storage, not geo-redundant", [r.id, kind])
}
