package assure.azure.app_service_https_only_test

import data.assure.azure.app_service_https_only as p
import rego.v1

one(type, body) := {"resource": {type: {"a": [body]}}}

test_http_fails if {
	count(p.deny) == 1 with input as one("azurerm_linux_web_app", {})
	count(p.deny) == 1 with input as one("azurerm_app_service", {"https_only": false})
	count(p.deny) == 1 with input as one("azurerm_windows_function_app_slot", {})
}

test_https_only_passes if {
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"https_only": true})
	count(p.deny) == 0 with input as one("azurerm_function_app", {"https_only": "${var.https}"})
	count(p.resources) == 1 with input as one("azurerm_windows_web_app", {})
}
