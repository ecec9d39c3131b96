package assure.azure.storage_public_blob_access_test

import data.assure.azure.storage_public_blob_access as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_absent_fails if {
	count(p.deny) == 1 with input as account({})
}

test_absent_passes_on_v5 if {
	inp := object.union(account({}), {"terraform": [{"required_providers": [{"azurerm": {"source": "hashicorp/azurerm", "version": "~> 5.1"}}]}]})
	count(p.deny) == 0 with input as inp
	inp4 := object.union(account({}), {"terraform": [{"required_providers": [{"azurerm": {"version": ">= 4.0"}}]}]})
	count(p.deny) == 1 with input as inp4
}

test_true_fails if {
	count(p.deny) == 1 with input as account({"allow_nested_items_to_be_public": true})
	count(p.deny) == 1 with input as account({"allow_blob_public_access": "true"})
}

test_false_passes if {
	count(p.deny) == 0 with input as account({"allow_nested_items_to_be_public": false})
	count(p.deny) == 0 with input as account({"allow_blob_public_access": false})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as account({"allow_nested_items_to_be_public": "${var.public}"})
}

test_file_storage_skipped if {
	count(p.deny) == 0 with input as account({"account_kind": "FileStorage"})
	count(p.resources) == 0 with input as account({"account_kind": "FileStorage"})
}

test_null_means_default if {
	count(p.deny) == 1 with input as account({"allow_nested_items_to_be_public": null})
}
