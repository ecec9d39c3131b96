package assure.azure.keyvault_key_rotation_test

import data.assure.azure.keyvault_key_rotation as p
import rego.v1

key(body) := {"resource": {"azurerm_key_vault_key": {"k": [body]}}}

test_no_policy_fails if {
	count(p.deny) == 1 with input as key({})
	count(p.deny) == 1 with input as key({"rotation_policy": [{"expire_after": "P1Y"}]})
}

test_automatic_rotation_passes if {
	count(p.deny) == 0 with input as key({"rotation_policy": [{"automatic": [{"time_before_expiry": "P30D"}]}]})
	count(p.deny) == 0 with input as key({"rotation_policy": [{"automatic": [{"time_after_creation": "${var.rotate}"}]}]})
	count(p.deny) == 0 with input as key({"dynamic": {"rotation_policy": [{}]}})
	count(p.resources) == 1 with input as key({})
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as key({"rotation_policy": "${var.policy}"})
}
