# METADATA
# title: AKS clusters enforce Kubernetes network policies
# description: >-
#   Without a network policy engine (Azure, Calico or Cilium), NetworkPolicy
#   objects are ignored and every pod can reach every other pod, so one
#   compromised workload can move laterally through the cluster.
# custom:
#   id: azure-aks-network-policy
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: Add network_profile { network_plugin = "azure", network_policy = "azure" } (or "calico", or "cilium" with the Cilium data plane) when creating the cluster.
#   rationale:
#     CC6.6: Without an enforcing engine there is no network boundary between workloads inside the cluster.
#     ITGC-LA-1: Workloads processing financial data are reachable from every other pod.
#   limitations: >-
#     Whether NetworkPolicy objects are actually defined is judged by the
#     Kubernetes controls, not here; values computed at apply time are not
#     judged.
package assure.azure.aks_network_policy

import data.assure.lib.terraform as tf
import rego.v1

enforced(body) if {
	v := tf.block(body, "network_profile").network_policy
	v != ""
	v != null
}

enforced(body) if body.dynamic.network_profile

enforced(body) if {
	v := object.get(body, "network_profile", [])
	is_string(v)
}

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "network_profile.network_policy"} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not enforced(c.body)
	msg := sprintf("AKS cluster %s has no network policy engine (network_profile.network_policy not set)", [c.name])
}
