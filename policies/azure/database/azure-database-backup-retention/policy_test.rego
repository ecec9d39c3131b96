package assure.azure.database_backup_retention_test

import data.assure.azure.database_backup_retention as p
import rego.v1

one(type, body) := {"resource": {type: {"r": [body]}}}

test_short_retention_fails if {
	count(p.deny) == 1 with input as one("azurerm_mysql_flexible_server", {"backup_retention_days": 1})
	count(p.deny) == 1 with input as one("azurerm_mssql_database", {"short_term_retention_policy": [{"retention_days": 3}]})
}

test_default_and_long_pass if {
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server", {})
	count(p.deny) == 0 with input as one("azurerm_postgresql_flexible_server", {"backup_retention_days": 35})
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {})
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {"short_term_retention_policy": [{"retention_days": "14"}]})
	count(p.resources) == 1 with input as one("azurerm_mssql_database", {})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as one("azurerm_mysql_flexible_server", {"backup_retention_days": "${var.days}"})
}
