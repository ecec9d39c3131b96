# METADATA
# title: GKE node pools upgrade automatically
# description: >-
#   With auto-upgrade off, nodes stay on the Kubernetes and node image version
#   they were created with and miss security patches until someone upgrades
#   them by hand.
# custom:
#   id: gcp-gke-node-auto-upgrade
#   severity: medium
#   soc2: [CC7.1]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_container_node_pool, google_container_cluster]
#   remediation: Remove management.auto_upgrade = false from the node pool (auto-upgrade is on by default) and control timing with maintenance windows.
#   rationale:
#     CC7.1: Nodes that are not upgraded keep known vulnerabilities that the patch process should remove.
#   limitations: >-
#     A documented manual patch process may compensate; node pools defined in
#     other modules are not seen.
package assure.gcp.gke_node_auto_upgrade

import data.assure.lib.terraform as tf
import rego.v1

resources contains p.id if some p in tf.resources("google_container_node_pool")

resources contains c.id if {
	some c in tf.resources("google_container_cluster")
	is_array(c.body.node_pool)
}

deny contains {"msg": msg, "resource": p.id, "attribute": "management.auto_upgrade"} if {
	some p in tf.resources("google_container_node_pool")
	tf.block(p.body, "management").auto_upgrade in {false, "false"}
	msg := sprintf("node pool %s turns auto-upgrade off", [p.name])
}

# Node pools written inline in the cluster.
deny contains {"msg": msg, "resource": c.id, "attribute": sprintf("node_pool[%d]", [i])} if {
	some c in tf.resources("google_container_cluster")
	is_array(c.body.node_pool)
	some i, pool in c.body.node_pool
	tf.block(pool, "management").auto_upgrade in {false, "false"}
	msg := sprintf("GKE cluster %s has a node pool (%s) with auto-upgrade off", [c.name, val(pool, "name", i)])
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
