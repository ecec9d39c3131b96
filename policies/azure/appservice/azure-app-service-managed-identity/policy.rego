# METADATA
# title: App Service and Function apps use a managed identity
# description: >-
#   An app without a managed identity has to reach databases, storage and Key
#   Vault with secrets kept in its settings or code, which leak through
#   deployment slots, exports and logs and are rarely rotated.
# custom:
#   id: azure-app-service-managed-identity
#   severity: low
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   remediation: Add identity { type = "SystemAssigned" } (or a user-assigned identity) to the app and grant it roles on the resources it uses instead of storing keys.
#   rationale:
#     CC6.1: Managed identities authenticate workloads through Entra ID instead of stored shared secrets.
#     ITGC-LA-1: Access by the app to financial data relies on shared secrets that are not tied to an identity.
#   limitations: >-
#     An app that calls no other Azure service needs no identity: suppress it
#     with a reason. Whether secrets are actually kept in app settings is not
#     judged here.
package assure.azure.app_service_managed_identity

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

has_identity(body) if count(tf.block(body, "identity")) > 0

has_identity(body) if body.dynamic.identity

has_identity(body) if unknown(object.get(body, "identity", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in types
	some r in tf.resources(t)
	not has_identity(r.body)
	msg := sprintf("%s has no managed identity", [r.id])
}
