package assure.azure.aks_rbac_test

import data.assure.azure.aks_rbac as p
import rego.v1

cluster(body) := {"resource": {"azurerm_kubernetes_cluster": {"c": [body]}}}

test_disabled_fails if {
	count(p.deny) == 1 with input as cluster({"role_based_access_control_enabled": false})
	count(p.deny) == 1 with input as cluster({"role_based_access_control": [{"enabled": false}]})
}

test_default_and_enabled_pass if {
	count(p.deny) == 0 with input as cluster({})
	count(p.deny) == 0 with input as cluster({"role_based_access_control_enabled": true})
	count(p.deny) == 0 with input as cluster({"role_based_access_control": [{"enabled": true}]})
	count(p.deny) == 0 with input as cluster({"role_based_access_control_enabled": "${var.rbac}"})
	count(p.resources) == 1 with input as cluster({})
}
