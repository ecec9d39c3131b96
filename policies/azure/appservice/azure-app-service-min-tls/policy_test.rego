package assure.azure.app_service_min_tls_test

import data.assure.azure.app_service_min_tls as p
import rego.v1

one(type, config) := {"resource": {type: {"a": [{"site_config": [config]}]}}}

test_weak_tls_fails if {
	count(p.deny) == 1 with input as one("azurerm_app_service", {"min_tls_version": "1.1"})
	count(p.deny) == 1 with input as one("azurerm_linux_web_app", {"minimum_tls_version": "1.0"})
	count(p.deny) == 2 with input as one("azurerm_windows_web_app", {"minimum_tls_version": "1.0", "scm_minimum_tls_version": "1.1"})
}

test_default_and_current_pass if {
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {})
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"minimum_tls_version": "1.3"})
	count(p.deny) == 0 with input as one("azurerm_linux_web_app", {"minimum_tls_version": "${var.tls}"})
	count(p.deny) == 0 with input as {"resource": {"azurerm_linux_web_app": {"a": [{}]}}}
}
