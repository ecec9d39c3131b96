package assure.azure.storage_https_only_test

import data.assure.azure.storage_https_only as p
import rego.v1

account(body) := {"resource": {"azurerm_storage_account": {"a": [body]}}}

test_default_passes if {
	count(p.deny) == 0 with input as account({"name": "a"})
	count(p.resources) == 1 with input as account({"name": "a"})
}

test_v4_false_fails if {
	count(p.deny) == 1 with input as account({"https_traffic_only_enabled": false})
}

test_v3_false_fails if {
	count(p.deny) == 1 with input as account({"enable_https_traffic_only": "false"})
}

test_true_and_unknown_pass if {
	count(p.deny) == 0 with input as account({"https_traffic_only_enabled": true})
	count(p.deny) == 0 with input as account({"enable_https_traffic_only": "${var.https}"})
}

test_no_accounts if {
	count(p.resources) == 0 with input as {"resource": {"azurerm_resource_group": {"rg": [{}]}}}
}
