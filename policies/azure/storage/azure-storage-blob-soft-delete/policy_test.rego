package assure.azure.storage_blob_soft_delete_test

import data.assure.azure.storage_blob_soft_delete as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_no_blob_properties_fails_twice if {
	count(p.deny) == 2 with input as account({})
}

test_both_policies_pass if {
	props := {"blob_properties": [{"delete_retention_policy": [{"days": 14}], "container_delete_retention_policy": [{}]}]}
	count(p.deny) == 0 with input as account(props)
}

test_short_retention_fails if {
	props := {"blob_properties": [{"delete_retention_policy": [{"days": 1}], "container_delete_retention_policy": [{"days": "7"}]}]}
	count(p.deny) == 1 with input as account(props)
}

test_missing_container_policy_fails if {
	props := {"blob_properties": [{"delete_retention_policy": [{"days": 30}]}]}
	count(p.deny) == 1 with input as account(props)
}

test_unknown_passes if {
	count(p.deny) == 0 with input as account({"dynamic": {"blob_properties": [{"for_each": "${var.x}"}]}})
	props := {"blob_properties": [{"delete_retention_policy": [{"days": "${var.days}"}], "dynamic": {"container_delete_retention_policy": [{}]}}]}
	count(p.deny) == 0 with input as account(props)
}

test_file_storage_skipped if {
	count(p.resources) == 0 with input as account({"account_kind": "FileStorage"})
	count(p.deny) == 0 with input as account({"account_kind": "FileStorage"})
}

test_null_policy_fails if {
	props := {"blob_properties": [{"delete_retention_policy": null, "container_delete_retention_policy": [{}]}]}
	count(p.deny) == 1 with input as account(props)
}
