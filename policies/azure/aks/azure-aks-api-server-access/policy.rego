# METADATA
# title: AKS API servers are private or limited to authorized IP ranges
# description: >-
#   A public AKS API server that accepts connections from any address exposes
#   the cluster's control plane to credential stuffing and to exploitation of
#   API server vulnerabilities from the whole internet.
# custom:
#   id: azure-aks-api-server-access
#   severity: high
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_kubernetes_cluster]
#   remediation: >-
#     Set private_cluster_enabled = true, or add api_server_access_profile {
#     authorized_ip_ranges = [...] } listing only the networks that administer
#     the cluster (api_server_authorized_ip_ranges before azurerm v3.39).
#   rationale:
#     CC6.6: A control plane reachable from any address is not protected at the system boundary.
#     CC6.1: Cluster administration relies on credentials alone when the API server is open to everyone.
#     ITGC-LA-1: The API that controls workloads processing financial data accepts connections from unauthorized networks.
#   limitations: >-
#     Restrictions applied outside Terraform and values computed at apply time
#     are not judged; a range other than 0.0.0.0/0 is trusted as given.
package assure.azure.aks_api_server_access

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

ranges(body) := r if {
	r := tf.block(body, "api_server_access_profile").authorized_ip_ranges
} else := r if {
	r := body.api_server_authorized_ip_ranges
} else := []

open_range(cidr) if cidr in {"0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "*"}

restricted(body) if tf.is_true(object.get(body, "private_cluster_enabled", false))

restricted(body) if unknown(object.get(body, "private_cluster_enabled", false))

restricted(body) if unknown(ranges(body))

restricted(body) if body.dynamic.api_server_access_profile

restricted(body) if {
	rs := ranges(body)
	is_array(rs)
	count(rs) > 0
}

range_attr(body) := "api_server_access_profile.authorized_ip_ranges" if {
	tf.block(body, "api_server_access_profile").authorized_ip_ranges
} else := "api_server_authorized_ip_ranges"

resources contains c.id if some c in tf.resources("azurerm_kubernetes_cluster")

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not restricted(c.body)
	msg := sprintf("AKS cluster %s has a public API server open to all addresses (not private, no authorized IP ranges)", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": range_attr(c.body)} if {
	some c in tf.resources("azurerm_kubernetes_cluster")
	not tf.is_true(object.get(c.body, "private_cluster_enabled", false))
	rs := ranges(c.body)
	is_array(rs)
	some cidr in rs
	open_range(cidr)
	msg := sprintf("AKS cluster %s authorizes %s to reach its API server", [c.name, cidr])
}
