package assure.azure.sql_threat_detection_test

import data.assure.azure.sql_threat_detection as p
import rego.v1

server := {"azurerm_mssql_server": {"s": [{}]}}

policy(body) := {"azurerm_mssql_server_security_alert_policy": {"a": [object.union({"server_name": "${azurerm_mssql_server.s.name}", "state": "Enabled"}, body)]}}

test_no_policy_fails if {
	count(p.deny) == 1 with input as {"resource": server}
}

test_enabled_policy_passes if {
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({}))}
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({"disabled_alerts": []}))}
}

test_disabled_state_or_alerts_fail if {
	count(p.deny) == 1 with input as {"resource": object.union(server, policy({"state": "Disabled"}))}
	count(p.deny) == 1 with input as {"resource": object.union(server, policy({"disabled_alerts": ["Sql_Injection", "Data_Exfiltration"]}))}
}

test_subscription_defender_covers if {
	pricing := {"azurerm_security_center_subscription_pricing": {"sql": [{"tier": "Standard", "resource_type": "SqlServers"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(server, pricing)}
	free := {"azurerm_security_center_subscription_pricing": {"sql": [{"tier": "Free", "resource_type": "SqlServers"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(server, free)}
}

test_legacy_inline_policy if {
	count(p.deny) == 0 with input as {"resource": {"azurerm_sql_server": {"l": [{"threat_detection_policy": [{"state": "Enabled"}]}]}}}
	count(p.deny) == 1 with input as {"resource": {"azurerm_sql_server": {"l": [{"threat_detection_policy": [{}]}]}}}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as {"resource": object.union(server, policy({"state": "${var.state}", "disabled_alerts": "${var.alerts}"}))}
}
