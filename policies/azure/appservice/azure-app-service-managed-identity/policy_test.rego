package assure.azure.app_service_managed_identity_test

import data.assure.azure.app_service_managed_identity as p
import rego.v1

one(type, body) := {"resource": {type: {"a": [body]}}}

test_no_identity_fails if {
	count(p.deny) == 1 with input as one("azurerm_linux_web_app", {})
	count(p.deny) == 1 with input as one("azurerm_app_service", {"site_config": [{}]})
}

test_identity_passes if {
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"identity": [{"type": "SystemAssigned"}]})
	count(p.deny) == 0 with input as one("azurerm_windows_function_app", {"dynamic": {"identity": [{}]}})
}
