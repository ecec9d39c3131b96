package assure.azure.keyvault_key_expiration_test

import data.assure.azure.keyvault_key_expiration as p
import rego.v1

key(body) := {"resource": {"azurerm_key_vault_key": {"k": [body]}}}

test_no_expiry_fails if {
	count(p.deny) == 1 with input as key({})
	count(p.deny) == 1 with input as key({"rotation_policy": [{"automatic": [{"time_after_creation": "P90D"}]}]})
}

test_expiry_passes if {
	count(p.deny) == 0 with input as key({"expiration_date": "2027-12-31T00:00:00Z"})
	count(p.deny) == 0 with input as key({"expiration_date": "${var.expiry}"})
	count(p.deny) == 0 with input as key({"rotation_policy": [{"expire_after": "P1Y"}]})
}

test_null_expiry_fails if {
	count(p.deny) == 1 with input as key({"expiration_date": null, "rotation_policy": [{"expire_after": null}]})
}
