package assure.azure.database_public_network_access_test

import data.assure.azure.database_public_network_access as p
import rego.v1

server(type, body) := {"resource": {type: {"s": [body]}}}

test_absent_fails if {
	count(p.deny) == 1 with input as server("azurerm_mssql_server", {})
	count(p.deny) == 1 with input as server("azurerm_postgresql_server", {})
	count(p.deny) == 1 with input as server("azurerm_mysql_flexible_server", {})
}

test_enabled_fails if {
	count(p.deny) == 1 with input as server("azurerm_mysql_server", {"public_network_access_enabled": true})
	count(p.deny) == 1 with input as server("azurerm_mysql_flexible_server", {"public_network_access": "Enabled"})
}

test_disabled_passes if {
	count(p.deny) == 0 with input as server("azurerm_mssql_server", {"public_network_access_enabled": false})
	count(p.deny) == 0 with input as server("azurerm_mysql_flexible_server", {"public_network_access": "Disabled"})
	count(p.resources) == 1 with input as server("azurerm_mssql_server", {"public_network_access_enabled": false})
}

test_delegated_subnet_passes if {
	count(p.deny) == 0 with input as server("azurerm_postgresql_flexible_server", {"delegated_subnet_id": "${azurerm_subnet.db.id}"})
	count(p.deny) == 0 with input as server("azurerm_mysql_flexible_server", {"delegated_subnet_id": "${azurerm_subnet.db.id}"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as server("azurerm_mssql_server", {"public_network_access_enabled": "${var.public}"})
	count(p.deny) == 0 with input as server("azurerm_mysql_flexible_server", {"public_network_access": "${var.public}"})
}

test_null_means_default if {
	count(p.deny) == 1 with input as server("azurerm_mssql_server", {"public_network_access_enabled": null})
	count(p.deny) == 1 with input as server("azurerm_postgresql_flexible_server", {"delegated_subnet_id": null})
}
