package assure.azure.aks_monitoring_test

import data.assure.azure.aks_monitoring as p
import rego.v1

cluster(body) := {"azurerm_kubernetes_cluster": {"c": [body]}}

test_no_monitoring_fails if {
	count(p.deny) == 1 with input as {"resource": cluster({})}
	count(p.deny) == 1 with input as {"resource": cluster({"addon_profile": [{"oms_agent": [{"enabled": false}]}]})}
}

test_oms_agent_passes if {
	count(p.deny) == 0 with input as {"resource": cluster({"oms_agent": [{"log_analytics_workspace_id": "${azurerm_log_analytics_workspace.w.id}"}]})}
	count(p.deny) == 0 with input as {"resource": cluster({"addon_profile": [{"oms_agent": [{"enabled": true}]}]})}
}

test_diagnostic_setting_passes if {
	setting := {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "${azurerm_kubernetes_cluster.c.id}", "enabled_log": [{"category": "kube-audit"}]}]}}
	count(p.deny) == 0 with input as {"resource": object.union(cluster({}), setting)}
	metrics := {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "${azurerm_kubernetes_cluster.c.id}", "enabled_metric": [{"category": "AllMetrics"}]}]}}
	count(p.deny) == 1 with input as {"resource": object.union(cluster({}), metrics)}
}

test_unknown_block_passes if {
	count(p.deny) == 0 with input as {"resource": cluster({"oms_agent": "${var.oms}"})}
}
