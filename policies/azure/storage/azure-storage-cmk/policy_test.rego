package assure.azure.storage_cmk_test

import data.assure.azure.storage_cmk as p
import rego.v1

account(body) := {"azurerm_storage_account": {"a": [body]}}

test_platform_key_fails if {
	count(p.deny) == 1 with input as {"resource": account({})}
}

test_inline_cmk_passes if {
	count(p.deny) == 0 with input as {"resource": account({"customer_managed_key": [{"key_vault_key_id": "${azurerm_key_vault_key.k.id}"}]})}
}

test_separate_cmk_passes if {
	key := {"azurerm_storage_account_customer_managed_key": {"k": [{"storage_account_id": "${azurerm_storage_account.a.id}"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(account({}), key)}
	other := {"azurerm_storage_account_customer_managed_key": {"k": [{"storage_account_id": "${azurerm_storage_account.b.id}"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(account({}), other)}
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as {"resource": account({"customer_managed_key": "${var.cmk}"})}
}
