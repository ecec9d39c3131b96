package assure.azure.keyvault_soft_delete_retention_test

import data.assure.azure.keyvault_soft_delete_retention as p
import rego.v1

vault(body) := {"resource": {"azurerm_key_vault": {"v": [body]}}}

test_short_retention_fails if {
	count(p.deny) == 1 with input as vault({"soft_delete_retention_days": 7})
	count(p.deny) == 1 with input as vault({"soft_delete_retention_days": "30"})
}

test_soft_delete_off_fails if {
	count(p.deny) == 1 with input as vault({"soft_delete_enabled": false})
}

test_default_and_90_pass if {
	count(p.deny) == 0 with input as vault({})
	count(p.deny) == 0 with input as vault({"soft_delete_retention_days": 90})
	count(p.deny) == 0 with input as vault({"soft_delete_retention_days": "${var.days}"})
}
