package assure.azure.storage_min_tls_test

import data.assure.azure.storage_min_tls as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_weak_versions_fail if {
	count(p.deny) == 1 with input as account({"min_tls_version": "TLS1_0"})
	count(p.deny) == 1 with input as account({"min_tls_version": "TLS1_1"})
}

test_default_and_tls12_pass if {
	count(p.deny) == 0 with input as account({})
	count(p.deny) == 0 with input as account({"min_tls_version": "TLS1_2"})
	count(p.resources) == 1 with input as account({})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as account({"min_tls_version": "${var.tls}"})
}
