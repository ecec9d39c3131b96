package assure.azure.storage_network_default_deny_test

import data.assure.azure.storage_network_default_deny as p
import rego.v1

account(body) := {"azurerm_storage_account": {"a": [body]}}

test_no_rules_fails if {
	count(p.deny) == 1 with input as {"resource": account({})}
}

test_inline_allow_fails if {
	count(p.deny) == 1 with input as {"resource": account({"network_rules": [{"default_action": "Allow"}]})}
}

test_inline_deny_passes if {
	count(p.deny) == 0 with input as {"resource": account({"network_rules": [{"default_action": "Deny"}]})}
}

test_public_access_off_passes if {
	count(p.deny) == 0 with input as {"resource": account({"public_network_access_enabled": false})}
}

test_sibling_rules if {
	deny_rules := {"azurerm_storage_account_network_rules": {"r": [{"storage_account_id": "${azurerm_storage_account.a.id}", "default_action": "Deny"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(account({}), deny_rules)}
	old := {"azurerm_storage_account_network_rules": {"r": [{"storage_account_name": "${azurerm_storage_account.a.name}", "default_action": "Deny"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(account({}), old)}
	allow := {"azurerm_storage_account_network_rules": {"r": [{"storage_account_id": "${azurerm_storage_account.a.id}", "default_action": "Allow"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(account({}), allow)}
	other := {"azurerm_storage_account_network_rules": {"r": [{"storage_account_id": "${azurerm_storage_account.b.id}", "default_action": "Deny"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(account({}), other)}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as {"resource": account({"public_network_access_enabled": "${var.public}"})}
	count(p.deny) == 0 with input as {"resource": account({"network_rules": [{"default_action": "${var.action}"}]})}
	count(p.deny) == 0 with input as {"resource": account({"dynamic": {"network_rules": [{"for_each": "${var.rules}"}]}})}
}
