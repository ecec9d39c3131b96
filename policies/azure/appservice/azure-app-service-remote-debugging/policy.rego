# METADATA
# title: App Service and Function apps have remote debugging off
# description: >-
#   Remote debugging opens extra inbound ports on the app and lets a debugger
#   attach to the running process, inspect its memory (secrets, user data)
#   and change its behaviour; it is meant for short sessions, not to be left
#   on in deployed configuration.
# custom:
#   id: azure-app-service-remote-debugging
#   severity: medium
#   soc2: [CC6.6, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   remediation: Remove remote_debugging_enabled = true from site_config (the default is false) and enable it only temporarily from the portal when needed.
#   rationale:
#     CC6.6: Remote debugging exposes additional inbound endpoints on the app through the boundary.
#     CC6.8: An attached debugger can run or alter code in the production process.
#     ITGC-LA-1: The production app accepts debugger connections beyond its normal user access.
#   limitations: >-
#     Remote debugging turned on from the portal is not seen; values computed
#     at apply time are not judged.
package assure.azure.app_service_remote_debugging

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

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "site_config.remote_debugging_enabled"} if {
	some t in types
	some r in tf.resources(t)
	tf.is_true(tf.block(r.body, "site_config").remote_debugging_enabled)
	msg := sprintf("%s has remote debugging enabled", [r.id])
}
