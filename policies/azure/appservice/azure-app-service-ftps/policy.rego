# METADATA
# title: App Service and Function apps do not allow plain FTP
# description: >-
#   With FTP state AllAllowed, deployment credentials and application files
#   travel over unencrypted FTP, where they can be captured and reused to
#   replace the app's code.
# custom:
#   id: azure-app-service-ftps
#   severity: medium
#   soc2: [CC6.7, CC8.1]
#   soc1: [ITGC-LA-3, ITGC-CM-2]
#   inputs: [terraform]
#   resource_types: [azurerm_app_service, azurerm_app_service_slot, azurerm_function_app, azurerm_function_app_slot, azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_linux_web_app_slot, azurerm_windows_web_app_slot, azurerm_linux_function_app_slot, azurerm_windows_function_app_slot]
#   remediation: Set site_config ftps_state = "Disabled" (or "FtpsOnly" if FTP deployment is still needed) and deploy through a pipeline.
#   rationale:
#     CC6.7: Plain FTP transmits deployment credentials and files without encryption.
#     CC8.1: Code uploaded over FTP bypasses the controlled deployment of changes.
#     ITGC-LA-3: Application code and data transferred over FTP can be intercepted or altered.
#     ITGC-CM-2: FTP deployment lets changes reach production outside the pipeline.
#   limitations: >-
#     Current app resources default to Disabled; azurerm_app_service and
#     azurerm_function_app (and their slots) default to AllAllowed, so an
#     absent ftps_state is a finding there. Values computed at apply time are
#     not judged.
package assure.azure.app_service_ftps

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

default_state(t) := "AllAllowed" if t in legacy_types

default_state(t) := "Disabled" if t in current_types

configured(body) if {
	not body.dynamic.site_config
	not unknown(object.get(body, "site_config", []))
}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "site_config.ftps_state"} if {
	some t in types
	some r in tf.resources(t)
	configured(r.body)
	state := object.get(tf.block(r.body, "site_config"), "ftps_state", default_state(t))
	state == "AllAllowed"
	msg := sprintf("%s allows plain FTP (ftps_state is AllAllowed, the default for this resource type when not set)", [r.id])
}
