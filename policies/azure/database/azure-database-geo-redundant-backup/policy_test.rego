package assure.azure.database_geo_redundant_backup_test

import data.assure.azure.database_geo_redundant_backup as p
import rego.v1

one(type, body) := {"resource": {type: {"r": [body]}}}

test_absent_or_false_fails if {
	count(p.deny) == 1 with input as one("azurerm_postgresql_server", {})
	count(p.deny) == 1 with input as one("azurerm_postgresql_flexible_server", {"geo_redundant_backup_enabled": false})
	count(p.deny) == 1 with input as one("azurerm_mysql_flexible_server", {})
}

test_enabled_passes if {
	count(p.deny) == 0 with input as one("azurerm_mysql_server", {"geo_redundant_backup_enabled": true})
	count(p.deny) == 0 with input as one("azurerm_mysql_server", {"geo_redundant_backup_enabled": "${var.geo}"})
}

test_replicas_skipped if {
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server", {"create_mode": "Replica"})
}

test_mssql_database if {
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {})
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {"storage_account_type": "GeoZone"})
	count(p.deny) == 1 with input as one("azurerm_mssql_database", {"storage_account_type": "Local"})
	count(p.resources) == 1 with input as one("azurerm_mssql_database", {})
}
