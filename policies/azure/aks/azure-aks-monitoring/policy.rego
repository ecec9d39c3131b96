# METADATA
# title: AKS clusters send logs to Azure Monitor
# description: >-
#   Without Container Insights (the OMS agent) or a diagnostic setting for
#   the control plane, container logs and Kubernetes audit events are not
#   collected, and attacks on the cluster or its workloads go unseen.
# custom:
#   id: azure-aks-monitoring
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster, azurerm_monitor_diagnostic_setting]
#   remediation: >-
#     Add oms_agent { log_analytics_workspace_id = ... } to the cluster
#     (addon_profile { oms_agent { enabled = true } } before azurerm v3),
#     and/or an azurerm_monitor_diagnostic_setting for the cluster that enables
#     the kube-audit log category.
#   rationale:
#     CC7.2: Cluster and workload activity cannot be monitored for anomalies without collected logs.
#     ITGC-OP-2: Security events and failures in the cluster are not logged.
#   limitations: >-
#     Monitoring set up by Azure Policy, another module or a third-party agent
#     makes this a false finding: suppress it with a reason.
package assure.azure.aks_monitoring

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

monitored(_, body) if count(tf.block(body, "oms_agent")) > 0

monitored(_, body) if body.dynamic.oms_agent

# Blocks given as expressions unknown before apply: not judged.
monitored(_, body) if {
	some key in ["oms_agent", "addon_profile"]
	unknown(object.get(body, key, []))
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

monitored(_, body) if {
	agent := tf.block(tf.block(body, "addon_profile"), "oms_agent")
	count(agent) > 0
	not off(object.get(agent, "enabled", true))
}

monitored(name, _) if {
	some d in tf.resources("azurerm_monitor_diagnostic_setting")
	tf.linked(d.body, "target_resource_id", "azurerm_kubernetes_cluster", name)
	some key in ["enabled_log", "log"]
	logs := object.get(d.body, key, [])
	is_array(logs)
	some l in logs
	not off(object.get(l, "enabled", true))
}

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "addon_profile.oms_agent.enabled"} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not monitored(c.name, c.body)
	off(tf.block(tf.block(c.body, "addon_profile"), "oms_agent").enabled)
	msg := sprintf("AKS cluster %s disables the OMS agent and has no diagnostic setting, so its logs are not collected", [c.name])
}

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not monitored(c.name, c.body)
	not off(tf.block(tf.block(c.body, "addon_profile"), "oms_agent").enabled)
	msg := sprintf("AKS cluster %s has no OMS agent and no diagnostic setting, so its logs are not collected", [c.name])
}
