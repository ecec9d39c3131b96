package assure.azure.sql_tde_enabled_test

import data.assure.azure.sql_tde_enabled as p
import rego.v1

one(type, body) := {"resource": {type: {"r": [body]}}}

test_database if {
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {})
	count(p.deny) == 1 with input as one("azurerm_mssql_database", {"transparent_data_encryption_enabled": false})
	count(p.deny) == 0 with input as one("azurerm_mssql_database", {"transparent_data_encryption_enabled": "${var.tde}"})
}

test_synapse_pool if {
	count(p.deny) == 1 with input as one("azurerm_synapse_sql_pool", {})
	count(p.deny) == 0 with input as one("azurerm_synapse_sql_pool", {"data_encrypted": true})
	count(p.deny) == 0 with input as one("azurerm_synapse_sql_pool", {"data_encrypted": "${var.enc}"})
	count(p.resources) == 1 with input as one("azurerm_synapse_sql_pool", {})
}
