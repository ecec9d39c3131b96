package assure.azure.keyvault_network_default_deny_test

import data.assure.azure.keyvault_network_default_deny as p
import rego.v1

vault(body) := {"resource": {"azurerm_key_vault": {"v": [body]}}}

test_open_fails if {
	count(p.deny) == 1 with input as vault({})
	count(p.deny) == 1 with input as vault({"network_acls": [{"default_action": "Allow", "bypass": "AzureServices"}]})
}

test_restricted_passes if {
	count(p.deny) == 0 with input as vault({"network_acls": [{"default_action": "Deny", "bypass": "AzureServices"}]})
	count(p.deny) == 0 with input as vault({"public_network_access_enabled": false})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as vault({"network_acls": [{"default_action": "${var.action}"}]})
	count(p.deny) == 0 with input as vault({"dynamic": {"network_acls": [{}]}})
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as vault({"network_acls": "${var.acls}"})
}
