package assure.azure.storage_queue_logging_test

import data.assure.azure.storage_queue_logging as p
import rego.v1

account(body) := {"azurerm_storage_account": {"a": [body]}}

full := {"read": true, "write": true, "delete": true, "version": "1.0"}

test_no_logging_fails if {
	count(p.deny) == 1 with input as {"resource": account({})}
}

test_full_inline_logging_passes if {
	count(p.deny) == 0 with input as {"resource": account({"queue_properties": [{"logging": [full]}]})}
}

test_partial_inline_logging_fails if {
	partial := {"read": false, "write": true, "delete": false, "version": "1.0"}
	count(p.deny) == 1 with input as {"resource": account({"queue_properties": [{"logging": [partial]}]})}
}

test_separate_queue_properties if {
	good := {"azurerm_storage_account_queue_properties": {"q": [{"storage_account_id": "${azurerm_storage_account.a.id}", "logging": [full]}]}}
	count(p.deny) == 0 with input as {"resource": object.union(account({}), good)}
	bad := {"azurerm_storage_account_queue_properties": {"q": [{"storage_account_id": "${azurerm_storage_account.a.id}", "logging": [{"read": true, "write": true, "delete": false}]}]}}
	count(p.deny) == 1 with input as {"resource": object.union(account({}), bad)}
	none := {"azurerm_storage_account_queue_properties": {"q": [{"storage_account_id": "${azurerm_storage_account.a.id}"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(account({}), none)}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as {"resource": account({"dynamic": {"queue_properties": [{}]}})}
	logging := {"read": "${var.log}", "write": true, "delete": true}
	count(p.deny) == 0 with input as {"resource": account({"queue_properties": [{"logging": [logging]}]})}
}

test_blob_only_kinds_skipped if {
	count(p.resources) == 0 with input as {"resource": account({"account_kind": "BlockBlobStorage"})}
}

test_unknown_separate_logging_passes if {
	q := {"azurerm_storage_account_queue_properties": {"q": [{"storage_account_id": "${azurerm_storage_account.a.id}", "logging": "${var.logging}"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(account({}), q)}
}
