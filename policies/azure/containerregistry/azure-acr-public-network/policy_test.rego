package assure.azure.acr_public_network_test

import data.assure.azure.acr_public_network as p
import rego.v1

registry(body) := {"resource": {"azurerm_container_registry": {"r": [body]}}}

test_open_fails if {
	count(p.deny) == 1 with input as registry({})
	count(p.deny) == 1 with input as registry({"network_rule_set": [{"default_action": "Allow"}]})
}

test_anonymous_pull_fails if {
	count(p.deny) == 1 with input as registry({"public_network_access_enabled": false, "anonymous_pull_enabled": true})
}

test_restricted_passes if {
	count(p.deny) == 0 with input as registry({"public_network_access_enabled": false})
	count(p.deny) == 0 with input as registry({"network_rule_set": [{"default_action": "Deny", "ip_rule": [{"action": "Allow", "ip_range": "203.0.113.0/24"}]}]})
	count(p.deny) == 0 with input as registry({"public_network_access_enabled": "${var.public}"})
}
