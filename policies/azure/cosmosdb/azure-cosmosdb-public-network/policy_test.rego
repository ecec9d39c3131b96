package assure.azure.cosmosdb_public_network_test

import data.assure.azure.cosmosdb_public_network as p
import rego.v1

account(body) := {"resource": {"azurerm_cosmosdb_account": {"c": [body]}}}

test_open_fails if {
	count(p.deny) == 1 with input as account({})
	count(p.deny) == 1 with input as account({"public_network_access_enabled": true, "ip_range_filter": ""})
}

test_world_range_fails if {
	count(p.deny) == 1 with input as account({"ip_range_filter": ["0.0.0.0/0"]})
}

test_restricted_passes if {
	count(p.deny) == 0 with input as account({"public_network_access_enabled": false})
	count(p.deny) == 0 with input as account({"is_virtual_network_filter_enabled": true})
	count(p.deny) == 0 with input as account({"ip_range_filter": "203.0.113.10,198.51.100.0/24"})
	count(p.deny) == 0 with input as account({"ip_range_filter": ["203.0.113.10"]})
	count(p.deny) == 0 with input as account({"ip_range_filter": "${var.ips}"})
	count(p.resources) == 1 with input as account({})
}
