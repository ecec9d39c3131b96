package assure.azure.app_service_ftps_test

import data.assure.azure.app_service_ftps as p
import rego.v1

one(type, body) := {"resource": {type: {"a": [body]}}}

test_all_allowed_fails if {
	count(p.deny) == 1 with input as one("azurerm_linux_web_app", {"site_config": [{"ftps_state": "AllAllowed"}]})
	count(p.deny) == 1 with input as one("azurerm_app_service", {"site_config": [{"ftps_state": "AllAllowed"}]})
}

test_legacy_default_fails if {
	count(p.deny) == 1 with input as one("azurerm_app_service", {})
	count(p.deny) == 1 with input as one("azurerm_function_app", {"site_config": [{}]})
}

test_current_default_passes if {
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"site_config": [{}]})
	count(p.deny) == 0 with input as one("azurerm_windows_function_app", {})
}

test_disabled_or_ftps_only_pass if {
	count(p.deny) == 0 with input as one("azurerm_app_service", {"site_config": [{"ftps_state": "FtpsOnly"}]})
	count(p.deny) == 0 with input as one("azurerm_app_service", {"site_config": [{"ftps_state": "Disabled"}]})
	count(p.deny) == 0 with input as one("azurerm_app_service", {"site_config": [{"ftps_state": "${var.ftps}"}]})
	count(p.deny) == 0 with input as one("azurerm_app_service", {"dynamic": {"site_config": [{}]}})
}
