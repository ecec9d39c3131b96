package assure.azure.sql_azuread_admin_test

import data.assure.azure.sql_azuread_admin as p
import rego.v1

test_no_admin_fails if {
	count(p.deny) == 1 with input as {"resource": {"azurerm_mssql_server": {"s": [{}]}}}
}

test_inline_admin_passes if {
	count(p.deny) == 0 with input as {"resource": {"azurerm_mssql_server": {"s": [{"azuread_administrator": [{"login_username": "dba", "object_id": "0000"}]}]}}}
}

test_legacy_admin_resource if {
	inp := {"resource": {
		"azurerm_sql_server": {"s": [{}]},
		"azurerm_sql_active_directory_administrator": {"a": [{"server_name": "${azurerm_sql_server.s.name}"}]},
	}}
	count(p.deny) == 0 with input as inp
	count(p.resources) == 1 with input as inp
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as {"resource": {"azurerm_mssql_server": {"s": [{"azuread_administrator": "${var.admin}"}]}}}
}
