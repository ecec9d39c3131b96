# METADATA
# title: The Owner role at subscription scope is not assigned to users or workloads
# description: >-
#   Owner on a subscription can change every resource and grant access to
#   anyone; assigned directly to a person or to a workload identity, it is a
#   standing privilege that one phished account or compromised application
#   turns into full control.
# custom:
#   id: azure-owner-role-assignment
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [azurerm_role_assignment]
#   remediation: >-
#     Assign narrower roles (Contributor or specific built-in roles) at the
#     smallest scope needed, and keep Owner for a small group with just-in-time
#     elevation (Privileged Identity Management).
#   rationale:
#     CC6.3: Standing Owner rights for an individual or a workload contradict least privilege and separation of duties.
#     ITGC-LA-2: Full administrative access to the environment of financial systems is granted outside a controlled group.
#   limitations: >-
#     The principal is recognized as a user or workload from principal_type or
#     from a reference to an azuread_user, service principal or managed
#     identity; a literal object id with no principal_type is not judged.
#     Scopes are recognized as in azure-custom-role-wildcard.
package assure.azure.owner_role_assignment

import data.assure.lib.terraform as tf
import rego.v1

owner_id := "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

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

owner(body) if body.role_definition_name == "Owner"

owner(body) if {
	is_string(body.role_definition_id)
	contains(lower(body.role_definition_id), owner_id)
}

# role_definition_id = data.azurerm_role_definition.owner.id, with name = "Owner"
owner(body) if {
	some d in tf.resources_data("azurerm_role_definition")
	d.body.name == "Owner"
	tf.references(body.role_definition_id, "data.azurerm_role_definition", d.name)
}

individual_patterns := [
	`azuread_user[.]`,
	`azuread_service_principal[.]`,
	`azurerm_user_assigned_identity[.]`,
	`[.]identity[.\[]`,
	`azurerm_client_config[.][^.}]+[.]object_id`,
]

principal(body) := "a user" if body.principal_type == "User"

principal(body) := "a service principal" if body.principal_type == "ServicePrincipal"

principal(body) := "a user or workload identity" if {
	object.get(body, "principal_type", null) == null
	is_string(body.principal_id)
	some pattern in individual_patterns
	regex.match(pattern, body.principal_id)
}

resources contains r.id if some r in tf.resources("azurerm_role_assignment")

deny contains {"msg": msg, "resource": r.id, "attribute": "principal_id"} if {
	some r in tf.resources("azurerm_role_assignment")
	owner(r.body)
	broad_scope(r.body.scope)
	who := principal(r.body)
	msg := sprintf("%s assigns Owner at subscription or management group scope to %s", [r.id, who])
}
