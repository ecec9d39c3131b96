package assure.azure.defender_standard_tier_test

import data.assure.azure.defender_standard_tier as p
import rego.v1

pricing(body) := {"resource": {"azurerm_security_center_subscription_pricing": {"p": [body]}}}

test_free_fails if {
	count(p.deny) == 1 with input as pricing({"tier": "Free"})
	count(p.deny) == 1 with input as pricing({"tier": "Free", "resource_type": "SqlServers"})
}

test_standard_passes if {
	count(p.deny) == 0 with input as pricing({"tier": "Standard", "resource_type": "StorageAccounts"})
	count(p.deny) == 0 with input as pricing({"tier": "${var.tier}"})
	count(p.resources) == 1 with input as pricing({"tier": "Standard"})
}
