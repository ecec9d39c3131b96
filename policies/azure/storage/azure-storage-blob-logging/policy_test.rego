package assure.azure.storage_blob_logging_test

import data.assure.azure.storage_blob_logging as p
import rego.v1

account := {"azurerm_storage_account": {"a": [{}]}}

setting(body) := {"azurerm_monitor_diagnostic_setting": {"d": [body]}}

test_no_setting_fails if {
	count(p.deny) == 1 with input as {"resource": account}
}

test_blob_setting_passes if {
	s := setting({"target_resource_id": "${azurerm_storage_account.a.id}/blobServices/default", "enabled_log": [{"category": "StorageRead"}]})
	count(p.deny) == 0 with input as {"resource": object.union(account, s)}
}

test_legacy_log_block if {
	on := setting({"target_resource_id": "${azurerm_storage_account.a.id}/blobServices/default", "log": [{"category": "StorageRead", "enabled": true}]})
	count(p.deny) == 0 with input as {"resource": object.union(account, on)}
	off := setting({"target_resource_id": "${azurerm_storage_account.a.id}/blobServices/default", "log": [{"category": "StorageRead", "enabled": false}]})
	count(p.deny) == 1 with input as {"resource": object.union(account, off)}
}

test_metrics_only_account_setting_fails if {
	s := setting({"target_resource_id": "${azurerm_storage_account.a.id}", "enabled_metric": [{"category": "Transaction"}]})
	count(p.deny) == 1 with input as {"resource": object.union(account, s)}
}

test_metrics_only_fails if {
	s := setting({"target_resource_id": "${azurerm_storage_account.a.id}/blobServices/default", "metric": [{"category": "Transaction"}]})
	count(p.deny) == 1 with input as {"resource": object.union(account, s)}
}

test_other_account_fails if {
	s := setting({"target_resource_id": "${azurerm_storage_account.b.id}/blobServices/default", "enabled_log": [{"category": "StorageRead"}]})
	count(p.deny) == 1 with input as {"resource": object.union(account, s)}
}

test_queue_service_setting_fails if {
	s := setting({"target_resource_id": "${azurerm_storage_account.a.id}/queueServices/default", "enabled_log": [{"category": "StorageRead"}]})
	count(p.deny) == 1 with input as {"resource": object.union(account, s)}
}

test_plan_reference_with_logs_passes if {
	s := setting({"target_resource_id": "${azurerm_storage_account.a.id}", "enabled_log": [{"category": "StorageRead"}]})
	count(p.deny) == 0 with input as {"resource": object.union(account, s)}
}
