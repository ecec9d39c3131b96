package assure.azure.nsg_open_database_ports_test

import data.assure.azure.nsg_open_database_ports as p
import rego.v1

rule(overrides) := object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "1433"}, overrides)

group(rules) := {"resource": {"azurerm_network_security_group": {"g": [{"security_rule": rules}]}}}

standalone(body) := {"resource": {"azurerm_network_security_rule": {"r": [body]}}}

test_sql_from_anywhere_fails if {
	count(p.deny) == 1 with input as group([rule({})])
	count(p.deny) == 1 with input as group([rule({"source_address_prefix": "Internet", "destination_port_range": "5432"})])
	count(p.deny) == 1 with input as group([rule({"source_address_prefix": "0.0.0.0/0", "destination_port_range": "3000-4000"})])
	count(p.deny) == 1 with input as group([rule({"destination_port_range": null, "destination_port_ranges": ["443", "27017"]})])
}

test_all_ports_fails_once if {
	count(p.deny) == 1 with input as group([rule({"destination_port_range": "*"})])
}

test_restricted_or_other_rules_pass if {
	count(p.deny) == 0 with input as group([rule({"source_address_prefix": "10.1.0.0/16"})])
	count(p.deny) == 0 with input as group([rule({"destination_port_range": "22"})])
	count(p.deny) == 0 with input as group([rule({"access": "Deny"})])
	count(p.deny) == 0 with input as group([rule({"direction": "Outbound"})])
	count(p.deny) == 0 with input as group([rule({"protocol": "Udp"})])
}

test_standalone_rule if {
	count(p.deny) == 1 with input as standalone(rule({"destination_port_range": "6379"}))
	count(p.deny) == 0 with input as standalone(rule({"source_address_prefixes": ["10.0.0.0/8"], "source_address_prefix": null}))
}

test_unknown_values_pass if {
	count(p.deny) == 0 with input as group([rule({"source_address_prefix": "${var.source}"})])
	count(p.deny) == 0 with input as group([rule({"destination_port_range": "${var.port}"})])
	count(p.deny) == 0 with input as {"resource": {"azurerm_network_security_group": {"g": [{"security_rule": "${local.rules}"}]}}}
}
