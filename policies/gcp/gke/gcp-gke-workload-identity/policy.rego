# METADATA
# title: GKE clusters use Workload Identity
# description: >-
#   Without Workload Identity, every pod on a node acts with the node's service
#   account and can read the node's metadata server, so one compromised pod
#   gets the permissions of all workloads on the node.
# custom:
#   id: gcp-gke-workload-identity
#   severity: medium
#   soc2: [CC6.3, CC6.1]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_container_cluster, google_container_node_pool]
#   remediation: >-
#     Add workload_identity_config { workload_pool = "<project>.svc.id.goog" }
#     to the cluster (it is off by default on Standard clusters) and keep node
#     pools on the GKE_METADATA metadata mode.
#   rationale:
#     CC6.3: Pods share the node's identity instead of having their own least-privilege identity.
#     CC6.1: Workload credentials come from the node metadata server rather than per-workload IAM.
#     ITGC-LA-2: Any workload on a node can use the node's privileges.
#   limitations: >-
#     Autopilot clusters always use Workload Identity; node pools defined in
#     other modules are not seen.
package assure.gcp.gke_workload_identity

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

resources contains p.id if some p in tf.resources("google_container_node_pool")

enabled(body) if tf.is_true(body.enable_autopilot)

# workload_pool, or identity_namespace in provider versions before 4.0.
enabled(body) if has(tf.block(body, "workload_identity_config"), "workload_pool")

enabled(body) if has(tf.block(body, "workload_identity_config"), "identity_namespace")

deny contains {"msg": msg, "resource": c.id} if {
	some c in tf.resources("google_container_cluster")
	not enabled(c.body)
	not dynamic(c.body, "workload_identity_config")
	msg := sprintf("GKE cluster %s has no workload_identity_config.workload_pool: pods use the node's service account", [c.name])
}

# GCE_METADATA (or the old EXPOSE/UNSPECIFIED node metadata) turns Workload
# Identity off for a node pool.
exposed_modes := {"GCE_METADATA", "EXPOSE", "UNSPECIFIED", "MODE_UNSPECIFIED"}

metadata_setting(cfg) := ["mode", cfg.mode] if has(cfg, "mode")

metadata_setting(cfg) := ["node_metadata", cfg.node_metadata] if {
	not has(cfg, "mode")
	has(cfg, "node_metadata")
}

node_configs contains {"id": c.id, "name": c.name, "path": "node_config", "cfg": tf.block(c.body, "node_config")} if {
	some c in tf.resources("google_container_cluster")
}

node_configs contains {"id": p.id, "name": p.name, "path": "node_config", "cfg": tf.block(p.body, "node_config")} if {
	some p in tf.resources("google_container_node_pool")
}

deny contains {"msg": msg, "resource": n.id, "attribute": sprintf("%s.workload_metadata_config.%s", [n.path, s[0]])} if {
	some n in node_configs
	s := metadata_setting(tf.block(n.cfg, "workload_metadata_config"))
	s[1] in exposed_modes
	msg := sprintf("%s sets workload_metadata_config %s = %s: pods reach the node's metadata server", [n.id, s[0], s[1]])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
