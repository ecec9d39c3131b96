# METADATA
# title: GKE clusters run nodes with private IP addresses only
# description: >-
#   Nodes with public IP addresses can be reached from the internet (kubelet,
#   NodePort services, SSH) and bypass the VPC's egress controls; private nodes
#   have internal addresses only.
# custom:
#   id: gcp-gke-private-nodes
#   severity: high
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_container_cluster, google_container_node_pool]
#   remediation: >-
#     Set private_cluster_config { enable_private_nodes = true } on the cluster
#     (or network_config { enable_private_nodes = true } on every node pool),
#     with Cloud NAT for egress.
#   rationale:
#     CC6.6: Nodes with public addresses are directly exposed outside the system boundary.
#     ITGC-LA-1: Network access to cluster nodes is not limited to the private network.
#   limitations: >-
#     Node pools defined in other modules are not seen; firewall rules that
#     may still block traffic to public nodes are not weighed.
package assure.gcp.gke_private_nodes

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

resources contains p.id if some p in tf.resources("google_container_node_pool")

private_cluster(body) if tf.is_true(tf.block(body, "private_cluster_config").enable_private_nodes)

private_cluster(body) if {
	v := tf.block(body, "private_cluster_config").enable_private_nodes
	is_string(v)
	contains(v, "${")
}

pool_private(body) if tf.is_true(tf.block(body, "network_config").enable_private_nodes)

# Every node pool of the cluster (default pool removed) sets private nodes.
private_pools(c) if {
	tf.is_true(c.body.remove_default_node_pool)
	pools := [p | some p in tf.resources("google_container_node_pool"); tf.references(p.body.cluster, "google_container_cluster", c.name)]
	count(pools) > 0
	every p in pools {
		pool_private(p.body)
	}
}

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("google_container_cluster")
	not private_cluster(c.body)
	not private_pools(c)
	not dynamic(c.body, "private_cluster_config")
	msg := sprintf("GKE cluster %s does not enable private nodes (private_cluster_config.enable_private_nodes): nodes get public IP addresses", [c.name])
}

deny contains {"msg": msg, "resource": p.id, "attribute": "network_config.enable_private_nodes"} if {
	some p in tf.resources("google_container_node_pool")
	tf.block(p.body, "network_config").enable_private_nodes in {false, "false"}
	msg := sprintf("node pool %s disables private nodes: its nodes get public IP addresses", [p.name])
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
