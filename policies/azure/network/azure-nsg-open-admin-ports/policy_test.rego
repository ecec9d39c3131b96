package assure.azure.nsg_open_admin_ports_test

import data.assure.azure.nsg_open_admin_ports as p
import rego.v1

rule(overrides) := object.union({"direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_address_prefix": "*", "destination_port_range": "22"}, overrides)

group(rules) := {"resource": {"azurerm_network_security_group": {"g": [{"security_rule": rules}]}}}

standalone(body) := {"resource": {"azurerm_network_security_rule": {"r": [body]}}}

test_ssh_from_anywhere_fails if {
	count(p.deny) == 1 with input as group([rule({})])
	count(p.deny) == 1 with input as group([rule({"source_address_prefix": "Internet", "destination_port_range": "22-22"})])
	count(p.deny) == 1 with input as group([rule({"source_address_prefix": "0.0.0.0/0", "protocol": "*"})])
}

test_rdp_ranges_and_lists_fail if {
	count(p.deny) == 1 with input as group([rule({"destination_port_range": "3000-4000"})])
	count(p.deny) == 1 with input as group([rule({"destination_port_range": null, "destination_port_ranges": ["443", "3389"]})])
	count(p.deny) == 1 with input as group([rule({"destination_port_range": "3389", "protocol": "Udp"})])
}

test_all_ports_fails_once if {
	count(p.deny) == 1 with input as group([rule({"destination_port_range": "*"})])
}

test_restricted_or_other_rules_pass if {
	count(p.deny) == 0 with input as group([rule({"source_address_prefix": "10.0.0.0/8"})])
	count(p.deny) == 0 with input as group([rule({"destination_port_range": "443"})])
	count(p.deny) == 0 with input as group([rule({"access": "Deny"})])
	count(p.deny) == 0 with input as group([rule({"direction": "Outbound"})])
	count(p.deny) == 0 with input as group([rule({"protocol": "Udp"})])
	count(p.deny) == 0 with input as group([rule({"protocol": "Icmp", "destination_port_range": "*"})])
}

test_source_prefix_lists if {
	count(p.deny) == 1 with input as group([rule({"source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})])
	count(p.deny) == 0 with input as group([rule({"source_address_prefix": null, "source_address_prefixes": ["10.0.0.0/8"]})])
}

test_standalone_rule if {
	count(p.deny) == 1 with input as standalone(rule({"destination_port_range": "3389"}))
	count(p.deny) == 0 with input as standalone(rule({"source_address_prefix": "VirtualNetwork"}))
	count(p.resources) == 1 with input as standalone(rule({}))
}

test_unknown_values_pass if {
	count(p.deny) == 0 with input as group([rule({"source_address_prefix": "${var.source}"})])
	count(p.deny) == 0 with input as group([rule({"destination_port_range": "${var.port}"})])
	count(p.deny) == 0 with input as {"resource": {"azurerm_network_security_group": {"g": [{"security_rule": "${local.rules}"}]}}}
	count(p.deny) == 0 with input as {"resource": {"azurerm_network_security_group": {"g": [{}]}}}
}
