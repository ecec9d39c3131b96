package assure.azure.keyvault_purge_protection_test

import data.assure.azure.keyvault_purge_protection as p
import rego.v1

vault(body) := {"resource": {"azurerm_key_vault": {"v": [body]}}}

test_absent_or_false_fails if {
	count(p.deny) == 1 with input as vault({})
	count(p.deny) == 1 with input as vault({"purge_protection_enabled": false})
}

test_enabled_or_unknown_passes if {
	count(p.deny) == 0 with input as vault({"purge_protection_enabled": true})
	count(p.deny) == 0 with input as vault({"purge_protection_enabled": "${var.purge}"})
	count(p.resources) == 1 with input as vault({})
}
