# METADATA
# title: App Service and Function apps require TLS 1.2 or later
# description: >-
#   An app that accepts TLS 1.0 or 1.1 (on the site or on its SCM/Kudu
#   deployment endpoint) lets clients, or an attacker forcing a downgrade,
#   use protocol versions with known weaknesses.
# custom:
#   id: azure-app-service-min-tls
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   remediation: Set site_config minimum_tls_version and scm_minimum_tls_version to "1.2" or "1.3" (min_tls_version on azurerm_app_service and azurerm_function_app), or remove them to use the 1.2 default.
#   rationale:
#     CC6.7: Accepting deprecated TLS versions weakens the encryption of data in transit to the app.
#     ITGC-LA-3: Financial data exchanged with the app is exposed to interception over a weak protocol.
#   limitations: >-
#     The provider default (1.2) is assumed when the attribute is absent;
#     values computed at apply time are not judged.
package assure.azure.app_service_min_tls

import data.assure.lib.terraform as tf
import rego.v1

legacy_types := ["azurerm_app_service", "azurerm_app_service_slot", "azurerm_function_app", "azurerm_function_app_slot"]

current_types := [
	"azurerm_linux_web_app",
	"azurerm_windows_web_app",
	"azurerm_linux_function_app",
	"azurerm_windows_function_app",
	"azurerm_linux_web_app_slot",
	"azurerm_windows_web_app_slot",
	"azurerm_linux_function_app_slot",
	"azurerm_windows_function_app_slot",
]

types := array.concat(legacy_types, current_types)

keys := ["minimum_tls_version", "scm_minimum_tls_version", "min_tls_version", "scm_min_tls_version"]

weak := {"1.0", "1.1"}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("site_config.%s", [key])} if {
	some t in types
	some r in tf.resources(t)
	config := tf.block(r.body, "site_config")
	some key in keys
	v := sprintf("%v", [config[key]])
	v in weak
	msg := sprintf("%s accepts TLS %s (site_config.%s)", [r.id, v, key])
}
