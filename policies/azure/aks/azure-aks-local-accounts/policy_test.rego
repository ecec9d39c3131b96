package assure.azure.aks_local_accounts_test

import data.assure.azure.aks_local_accounts as p
import rego.v1

cluster(body) := {"resource": {"azurerm_kubernetes_cluster": {"c": [body]}}}

test_enabled_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"local_account_disabled": false})
}

test_disabled_passes if {
	count(p.deny) == 0 with input as cluster({"local_account_disabled": true})
	count(p.deny) == 0 with input as cluster({"local_account_disabled": "${var.disable_local}"})
}

test_null_means_default if {
	count(p.deny) == 1 with input as cluster({"local_account_disabled": null})
}
