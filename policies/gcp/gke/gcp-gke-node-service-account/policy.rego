# METADATA
# title: GKE nodes run as a dedicated service account, not the Compute Engine default
# description: >-
#   Nodes without a service_account run as the Compute Engine default service
#   account, which has the project Editor role by default; any pod that reaches
#   the node's credentials can then change almost anything in the project.
# custom:
#   id: gcp-gke-node-service-account
#   severity: medium
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_container_cluster, google_container_node_pool]
#   remediation: >-
#     Set node_config.service_account to a dedicated least-privilege service
#     account (roles/container.defaultNodeServiceAccount), and
#     cluster_autoscaling.auto_provisioning_defaults.service_account for
#     Autopilot and node auto-provisioning.
#   rationale:
#     CC6.3: The default service account carries far more privilege than nodes need.
#     ITGC-LA-2: Workloads on the nodes inherit project-wide Editor privileges.
#   limitations: >-
#     Whether the default service account still holds the Editor role (the
#     automatic grant can be disabled by organization policy) is not known
#     from configuration.
package assure.gcp.gke_node_service_account

import data.assure.lib.terraform as tf
import rego.v1

default_account(v) if v == "default"

default_account(v) if {
	is_string(v)
	endswith(v, "-compute@developer.gserviceaccount.com")
}

# Node configurations: node pools, inline node pools, the default pool, and the
# auto-provisioning defaults used by Autopilot and node auto-provisioning.
configs contains {"id": p.id, "name": p.name, "cfg": tf.block(p.body, "node_config"), "path": "node_config"} if {
	some p in tf.resources("google_container_node_pool")
	not dynamic(p.body, "node_config")
}

configs contains {"id": c.id, "name": sprintf("%s node pool %v", [c.name, val(pool, "name", i)]), "cfg": tf.block(pool, "node_config"), "path": sprintf("node_pool[%d]", [i])} if {
	some c in tf.resources("google_container_cluster")
	is_array(c.body.node_pool)
	some i, pool in c.body.node_pool
	not dynamic(pool, "node_config")
}

configs contains {"id": c.id, "name": sprintf("%s default node pool", [c.name]), "cfg": tf.block(c.body, "node_config"), "path": "node_config"} if {
	some c in tf.resources("google_container_cluster")
	not tf.is_true(c.body.remove_default_node_pool)
	not tf.is_true(c.body.enable_autopilot)
	not is_array(c.body.node_pool)
	not dynamic(c.body, "node_pool")
	not dynamic(c.body, "node_config")
}

configs contains {"id": c.id, "name": sprintf("%s auto-provisioned nodes", [c.name]), "cfg": defaults, "path": "cluster_autoscaling.auto_provisioning_defaults"} if {
	some c in tf.resources("google_container_cluster")
	defaults := tf.block(tf.block(c.body, "cluster_autoscaling"), "auto_provisioning_defaults")
	autoprovisioned(c.body, defaults)
	not dynamic(c.body, "cluster_autoscaling")
	not dynamic(tf.block(c.body, "cluster_autoscaling"), "auto_provisioning_defaults")
}

autoprovisioned(body, _) if tf.is_true(body.enable_autopilot)

autoprovisioned(_, defaults) if defaults != {}

resources contains c.id if some c in configs

deny contains {"msg": msg, "resource": c.id, "attribute": c.path} if {
	some c in configs
	not has(c.cfg, "service_account")
	msg := sprintf("%s sets no service_account: nodes run as the Compute Engine default service account", [c.name])
}

deny contains {"msg": msg, "resource": c.id, "attribute": sprintf("%s.service_account", [c.path])} if {
	some c in configs
	default_account(c.cfg.service_account)
	msg := sprintf("%s runs as the Compute Engine default service account", [c.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
