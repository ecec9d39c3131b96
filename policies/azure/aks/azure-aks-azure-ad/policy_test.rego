package assure.azure.aks_azure_ad_test

import data.assure.azure.aks_azure_ad as p
import rego.v1

cluster(body) := {"resource": {"azurerm_kubernetes_cluster": {"c": [body]}}}

test_no_integration_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"role_based_access_control": [{"enabled": true}]})
}

test_integration_passes if {
	count(p.deny) == 0 with input as cluster({"azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}]})
	count(p.deny) == 0 with input as cluster({"role_based_access_control": [{"enabled": true, "azure_active_directory": [{"managed": true}]}]})
	count(p.deny) == 0 with input as cluster({"dynamic": {"azure_active_directory_role_based_access_control": [{}]}})
}
