package assure.azure.owner_role_assignment_test

import data.assure.azure.owner_role_assignment as p
import rego.v1

assignment(body) := {"resource": {"azurerm_role_assignment": {"a": [object.union({"scope": "/subscriptions/0000", "role_definition_name": "Owner"}, body)]}}}

test_owner_to_user_fails if {
	count(p.deny) == 1 with input as assignment({"principal_id": "0000", "principal_type": "User"})
	count(p.deny) == 1 with input as assignment({"principal_id": "${data.azuread_user.alice.object_id}"})
	count(p.deny) == 1 with input as assignment({"principal_id": "${azurerm_linux_web_app.api.identity[0].principal_id}"})
	count(p.deny) == 1 with input as assignment({"principal_id": "${data.azurerm_client_config.current.object_id}"})
}

test_owner_by_id_fails if {
	count(p.deny) == 1 with input as assignment({"role_definition_name": null, "role_definition_id": "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "principal_type": "ServicePrincipal", "principal_id": "1"})
	inp := object.union(assignment({"role_definition_name": null, "role_definition_id": "${data.azurerm_role_definition.owner.id}", "principal_type": "User", "principal_id": "1"}), {"data": {"azurerm_role_definition": {"owner": [{"name": "Owner"}]}}})
	count(p.deny) == 1 with input as inp
}

test_groups_narrow_scopes_and_other_roles_pass if {
	count(p.deny) == 0 with input as assignment({"principal_id": "${azuread_group.admins.object_id}", "principal_type": "Group"})
	count(p.deny) == 0 with input as assignment({"principal_id": "0000", "principal_type": "User", "scope": "/subscriptions/0000/resourceGroups/rg"})
	count(p.deny) == 0 with input as assignment({"principal_id": "0000", "principal_type": "User", "role_definition_name": "Reader"})
	count(p.deny) == 0 with input as assignment({"principal_id": "0000"})
	count(p.resources) == 1 with input as assignment({"principal_id": "0000"})
}

test_null_principal_type if {
	count(p.deny) == 1 with input as assignment({"principal_id": "${azuread_user.bob.object_id}", "principal_type": null})
}
