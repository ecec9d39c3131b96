package assure.azure.database_firewall_open_test

import data.assure.azure.database_firewall_open as p
import rego.v1

rule(type, start, end) := {"resource": {type: {"r": [{"start_ip_address": start, "end_ip_address": end}]}}}

test_whole_internet_fails if {
	count(p.deny) == 1 with input as rule("azurerm_mssql_firewall_rule", "0.0.0.0", "255.255.255.255")
	count(p.deny) == 1 with input as rule("azurerm_postgresql_flexible_server_firewall_rule", "1.0.0.0", "100.255.255.255")
}

test_azure_services_fails if {
	count(p.deny) == 1 with input as rule("azurerm_sql_firewall_rule", "0.0.0.0", "0.0.0.0")
}

test_client_ranges_pass if {
	count(p.deny) == 0 with input as rule("azurerm_mysql_flexible_server_firewall_rule", "203.0.113.10", "203.0.113.10")
	count(p.deny) == 0 with input as rule("azurerm_mssql_firewall_rule", "10.0.0.0", "10.0.255.255")
	count(p.resources) == 1 with input as rule("azurerm_mssql_firewall_rule", "10.0.0.0", "10.0.255.255")
}

test_unknown_passes if {
	count(p.deny) == 0 with input as rule("azurerm_mssql_firewall_rule", "${var.start}", "255.255.255.255")
	count(p.deny) == 0 with input as rule("azurerm_mssql_firewall_rule", "0.0.0.0", "${var.end}")
}
