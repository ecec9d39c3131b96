package assure.azure.sql_server_auditing_test

import data.assure.azure.sql_server_auditing as p
import rego.v1

server := {"azurerm_mssql_server": {"s": [{}]}}

policy(body) := {"azurerm_mssql_server_extended_auditing_policy": {"a": [object.union({"server_id": "${azurerm_mssql_server.s.id}"}, body)]}}

test_no_auditing_fails if {
	count(p.deny) == 1 with input as {"resource": server}
	count(p.deny) == 1 with input as {"resource": {"azurerm_sql_server": {"legacy": [{}]}}}
}

test_policy_passes if {
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({"retention_in_days": 90}))}
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({}))}
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({"retention_in_days": 0}))}
}

test_short_or_disabled_policy_fails if {
	count(p.deny) == 1 with input as {"resource": object.union(server, policy({"retention_in_days": 30}))}
	count(p.deny) == 1 with input as {"resource": object.union(server, policy({"enabled": false}))}
}

test_policy_for_other_server_fails if {
	other := {"azurerm_mssql_server_extended_auditing_policy": {"a": [{"server_id": "${azurerm_mssql_server.other.id}"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(server, other)}
}

test_legacy_inline_block if {
	count(p.deny) == 0 with input as {"resource": {"azurerm_sql_server": {"l": [{"extended_auditing_policy": [{"retention_in_days": 120}]}]}}}
	count(p.deny) == 1 with input as {"resource": {"azurerm_sql_server": {"l": [{"extended_auditing_policy": [{"retention_in_days": 20}]}]}}}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({"retention_in_days": "${var.days}", "enabled": "${var.on}"}))}
}
