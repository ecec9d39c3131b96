# METADATA
# title: Custom roles do not grant every action at subscription scope
# description: >-
#   A custom role whose actions include "*" and that applies to a whole
#   subscription or management group is an unreviewed copy of Owner: whoever
#   receives it can change any resource and grant access to anyone.
# custom:
#   id: azure-custom-role-wildcard
#   severity: high
#   soc2: [CC6.3, CC6.1]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [azurerm_role_definition]
#   remediation: List the specific actions the role needs (for example Microsoft.Storage/storageAccounts/read), or narrow its scope and assignable_scopes to a resource group.
#   rationale:
#     CC6.3: A wildcard role at subscription scope grants far more than any duty needs, defeating least privilege.
#     CC6.1: Access to every resource in the subscription is granted without restriction to specific assets.
#     ITGC-LA-2: Holders of the role have unrestricted administrative access to the environment of financial systems.
#   limitations: >-
#     Scopes are recognized when written as /subscriptions/ID or a management
#     group path, or as a reference to a subscription or management group data
#     source or resource; other computed scopes are not judged. not_actions
#     that remove part of the wildcard are not taken into account.
package assure.azure.custom_role_wildcard

import data.assure.lib.terraform as tf
import rego.v1

broad_scope(s) if {
	is_string(s)
	regex.match(`^/subscriptions/[^/]+/?$`, s)
}

broad_scope(s) if {
	is_string(s)
	regex.match(`^/providers/Microsoft[.]Management/managementGroups/[^/]+/?$`, s)
}

broad_scope(s) if s == "/"

broad_scope(s) if {
	is_string(s)
	regex.match(`^[$][{](data[.])?(azurerm_subscription|azurerm_management_group)[.][^.}]+[.]id[}]$`, s)
}

scopes(body) := array.concat(
	[s | s := body.scope],
	[s |
		list := object.get(body, "assignable_scopes", [])
		is_array(list)
		some s in list
	],
)

actions_attr(i) := "permissions.actions" if i == 0

actions_attr(i) := sprintf("permissions[%d]", [i]) if i > 0

resources contains r.id if some r in tf.resources("azurerm_role_definition")

deny contains {"msg": msg, "resource": r.id, "attribute": actions_attr(i)} if {
	some r in tf.resources("azurerm_role_definition")
	some s in scopes(r.body)
	broad_scope(s)
	perms := object.get(r.body, "permissions", [])
	is_array(perms)
	some i, perm in perms
	acts := object.get(perm, "actions", [])
	is_array(acts)
	"*" in acts
	msg := sprintf("custom role %s allows every action (*) at subscription or management group scope", [r.name])
}
