package assure.azure.custom_role_wildcard_test

import data.assure.azure.custom_role_wildcard as p
import rego.v1

role(scope, actions) := {"resource": {"azurerm_role_definition": {"r": [{"scope": scope, "permissions": [{"actions": actions}]}]}}}

test_wildcard_at_subscription_fails if {
	count(p.deny) == 1 with input as role("/subscriptions/0000-1111", ["*"])
	count(p.deny) == 1 with input as role("${data.azurerm_subscription.current.id}", ["*"])
	count(p.deny) == 1 with input as role("/subscriptions/${var.subscription_id}", ["*"])
	count(p.deny) == 1 with input as role("/providers/Microsoft.Management/managementGroups/root", ["*"])
}

test_assignable_scopes_count if {
	inp := {"resource": {"azurerm_role_definition": {"r": [{"scope": "/subscriptions/0/resourceGroups/rg", "assignable_scopes": ["/subscriptions/0"], "permissions": [{"actions": ["*"]}]}]}}}
	count(p.deny) == 1 with input as inp
}

test_narrow_roles_pass if {
	count(p.deny) == 0 with input as role("/subscriptions/0000/resourceGroups/app", ["*"])
	count(p.deny) == 0 with input as role("/subscriptions/0000", ["Microsoft.Storage/storageAccounts/read"])
	count(p.deny) == 0 with input as role("${azurerm_resource_group.rg.id}", ["*"])
	count(p.deny) == 0 with input as role("/subscriptions/0000", "${var.actions}")
	count(p.resources) == 1 with input as role("/subscriptions/0000", [])
}
