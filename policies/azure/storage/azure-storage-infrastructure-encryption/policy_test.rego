package assure.azure.storage_infrastructure_encryption_test

import data.assure.azure.storage_infrastructure_encryption as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_absent_and_false_fail if {
	count(p.deny) == 1 with input as account({})
	count(p.deny) == 1 with input as account({"infrastructure_encryption_enabled": false})
}

test_true_and_unknown_pass if {
	count(p.deny) == 0 with input as account({"infrastructure_encryption_enabled": true})
	count(p.deny) == 0 with input as account({"infrastructure_encryption_enabled": "true"})
	count(p.deny) == 0 with input as account({"infrastructure_encryption_enabled": "${var.double}"})
}
