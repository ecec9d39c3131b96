package assure.azure.aks_network_policy_test

import data.assure.azure.aks_network_policy as p
import rego.v1

cluster(body) := {"resource": {"azurerm_kubernetes_cluster": {"c": [body]}}}

test_no_policy_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"network_profile": [{"network_plugin": "kubenet"}]})
}

test_policy_passes if {
	count(p.deny) == 0 with input as cluster({"network_profile": [{"network_plugin": "azure", "network_policy": "azure"}]})
	count(p.deny) == 0 with input as cluster({"network_profile": [{"network_plugin": "azure", "network_policy": "${var.policy}"}]})
	count(p.resources) == 1 with input as cluster({})
}

test_null_policy_fails if {
	count(p.deny) == 1 with input as cluster({"network_profile": [{"network_plugin": "azure", "network_policy": null}]})
}
