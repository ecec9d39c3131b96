package assure.azure.acr_admin_user_test

import data.assure.azure.acr_admin_user as p
import rego.v1

registry(body) := {"resource": {"azurerm_container_registry": {"r": [body]}}}

test_admin_enabled_fails if {
	count(p.deny) == 1 with input as registry({"admin_enabled": true})
}

test_default_and_disabled_pass if {
	count(p.deny) == 0 with input as registry({})
	count(p.deny) == 0 with input as registry({"admin_enabled": false})
	count(p.deny) == 0 with input as registry({"admin_enabled": "${var.admin}"})
	count(p.resources) == 1 with input as registry({})
}
