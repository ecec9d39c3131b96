# METADATA
# title: GKE clusters keep Shielded GKE Nodes and integrity monitoring on
# description: >-
#   Shielded GKE Nodes give nodes a verifiable identity so an attacker who
#   steals node bootstrap credentials cannot impersonate a node; integrity
#   monitoring detects a tampered boot sequence.
# custom:
#   id: gcp-gke-shielded-nodes
#   severity: medium
#   soc2: [CC6.8, CC7.1]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_container_cluster, google_container_node_pool]
#   remediation: >-
#     Remove enable_shielded_nodes = false and
#     shielded_instance_config.enable_integrity_monitoring = false (both default
#     to true); consider enable_secure_boot = true as well.
#   rationale:
#     CC6.8: Without node identity verification and boot integrity checks, rogue or tampered nodes can join and run in the cluster.
#     CC7.1: Integrity monitoring is the mechanism that detects unauthorized changes to the nodes' boot components.
#   limitations: >-
#     Secure boot (off by default) is not required here; node pools defined in
#     other modules are not seen.
package assure.gcp.gke_shielded_nodes

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

resources contains p.id if some p in tf.resources("google_container_node_pool")

deny contains {"msg": msg, "resource": c.id, "attribute": "enable_shielded_nodes"} if {
	some c in tf.resources("google_container_cluster")
	c.body.enable_shielded_nodes in {false, "false"}
	msg := sprintf("GKE cluster %s disables Shielded GKE Nodes", [c.name])
}

node_configs contains {"id": r.id, "cfg": tf.block(r.body, "node_config")} if {
	some t in ["google_container_cluster", "google_container_node_pool"]
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": n.id, "attribute": "node_config.shielded_instance_config.enable_integrity_monitoring"} if {
	some n in node_configs
	tf.block(n.cfg, "shielded_instance_config").enable_integrity_monitoring in {false, "false"}
	msg := sprintf("%s disables integrity monitoring on its nodes", [n.id])
}
