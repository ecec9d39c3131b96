package assure.azure.keyvault_secret_expiration_test

import data.assure.azure.keyvault_secret_expiration as p
import rego.v1

secret(body) := {"resource": {"azurerm_key_vault_secret": {"s": [body]}}}

test_no_expiry_fails if {
	count(p.deny) == 1 with input as secret({"name": "db"})
}

test_expiry_passes if {
	count(p.deny) == 0 with input as secret({"expiration_date": "2027-01-01T00:00:00Z"})
	count(p.deny) == 0 with input as secret({"expiration_date": "${timeadd(timestamp(), \"8760h\")}"})
	count(p.resources) == 1 with input as secret({})
}

test_null_expiry_fails if {
	count(p.deny) == 1 with input as secret({"expiration_date": null})
}
