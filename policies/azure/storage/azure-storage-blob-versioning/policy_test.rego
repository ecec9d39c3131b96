package assure.azure.storage_blob_versioning_test

import data.assure.azure.storage_blob_versioning as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_unversioned_fails if {
	count(p.deny) == 1 with input as account({})
	count(p.deny) == 1 with input as account({"blob_properties": [{"versioning_enabled": false}]})
}

test_versioned_passes if {
	count(p.deny) == 0 with input as account({"blob_properties": [{"versioning_enabled": true}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as account({"blob_properties": [{"versioning_enabled": "${var.v}"}]})
	count(p.deny) == 0 with input as account({"dynamic": {"blob_properties": [{}]}})
}

test_hns_and_files_skipped if {
	count(p.resources) == 0 with input as account({"is_hns_enabled": true})
	count(p.resources) == 0 with input as account({"account_kind": "FileStorage"})
}
