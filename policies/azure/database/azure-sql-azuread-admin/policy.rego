# METADATA
# title: SQL servers have an Azure AD (Entra ID) administrator
# description: >-
#   Without an Entra ID administrator, database access rests on SQL logins
#   whose passwords live outside the identity provider: no MFA, no
#   conditional access, and no automatic removal when someone leaves.
# custom:
#   id: azure-sql-azuread-admin
#   severity: medium
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_sql_active_directory_administrator]
#   remediation: Add an azuread_administrator block (login_username and object_id of an Entra ID group) to the server, and consider azuread_authentication_only = true.
#   rationale:
#     CC6.1: Central identity with MFA and conditional access is the access control for database administrators.
#     CC6.2: Access granted through the identity provider is registered and removed with the user's account, unlike SQL logins.
#     ITGC-LA-1: Database administrators authenticate with credentials outside the organization's identity controls.
#   limitations: >-
#     An administrator set in another module or outside Terraform is not seen.
#     Whether SQL authentication is still used alongside Entra ID is not
#     judged here.
package assure.azure.sql_azuread_admin

import data.assure.lib.terraform as tf
import rego.v1

admin(_, r) if count(tf.block(r.body, "azuread_administrator")) > 0

admin(_, r) if r.body.dynamic.azuread_administrator

admin(_, r) if unknown(object.get(r.body, "azuread_administrator", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

admin(t, r) if count(tf.siblings("azurerm_sql_active_directory_administrator", "server_name", t, r.name)) > 0

admin(t, r) if count(tf.siblings("azurerm_sql_active_directory_administrator", "server_id", t, r.name)) > 0

resources contains r.id if {
	some t in ["azurerm_mssql_server", "azurerm_sql_server"]
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in ["azurerm_mssql_server", "azurerm_sql_server"]
	some r in tf.resources(t)
	not admin(t, r)
	msg := sprintf("%s has no Azure AD administrator, so access relies on SQL logins", [r.id])
}
