# METADATA
# title: App Service and Function apps accept HTTPS only
# description: >-
#   Without https_only, an app also answers plain HTTP, so session cookies,
#   tokens and form data can be read or altered on the network, and users
#   can be downgraded from HTTPS.
# custom:
#   id: azure-app-service-https-only
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   remediation: Set https_only = true on the app (and on each deployment slot).
#   rationale:
#     CC6.7: An app reachable over HTTP transmits data and credentials without encryption.
#     ITGC-LA-3: Financial data submitted to or served by the app can be intercepted or altered in transit.
#   limitations: >-
#     The provider default (false) is assumed when the attribute is absent;
#     redirects implemented in the application or a front door are not seen.
package assure.azure.app_service_https_only

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

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "https_only"} if {
	some t in types
	some r in tf.resources(t)
	v := object.get(r.body, "https_only", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s accepts plain HTTP (https_only defaults to false)", [r.id])
}
