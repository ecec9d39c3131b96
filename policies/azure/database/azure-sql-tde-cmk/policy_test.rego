package assure.azure.sql_tde_cmk_test

import data.assure.azure.sql_tde_cmk as p
import rego.v1

server(body) := {"azurerm_mssql_server": {"s": [body]}}

test_service_key_fails if {
	count(p.deny) == 1 with input as {"resource": server({})}
}

test_inline_key_passes if {
	count(p.deny) == 0 with input as {"resource": server({"transparent_data_encryption_key_vault_key_id": "${azurerm_key_vault_key.tde.id}"})}
}

test_separate_resource if {
	with_key := {"azurerm_mssql_server_transparent_data_encryption": {"t": [{"server_id": "${azurerm_mssql_server.s.id}", "key_vault_key_id": "${azurerm_key_vault_key.tde.id}"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(server({}), with_key)}
	service := {"azurerm_mssql_server_transparent_data_encryption": {"t": [{"server_id": "${azurerm_mssql_server.s.id}"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(server({}), service)}
}

test_null_key_fails if {
	count(p.deny) == 1 with input as {"resource": server({"transparent_data_encryption_key_vault_key_id": null})}
}
