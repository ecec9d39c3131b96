package assure.azure.app_service_remote_debugging_test

import data.assure.azure.app_service_remote_debugging as p
import rego.v1

one(type, config) := {"resource": {type: {"a": [{"site_config": [config]}]}}}

test_enabled_fails if {
	count(p.deny) == 1 with input as one("azurerm_linux_web_app", {"remote_debugging_enabled": true})
	count(p.deny) == 1 with input as one("azurerm_app_service", {"remote_debugging_enabled": "true"})
}

test_default_passes if {
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {})
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"remote_debugging_enabled": false})
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"remote_debugging_enabled": "${var.debug}"})
	count(p.resources) == 1 with input as one("azurerm_linux_web_app", {})
}
