# METADATA
# title: GKE clusters enforce Kubernetes network policies
# description: >-
#   Without network policy enforcement, every pod can reach every other pod,
#   so one compromised workload can move laterally to databases and internal
#   services; NetworkPolicy objects are silently ignored.
# custom:
#   id: gcp-gke-network-policy
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: >-
#     Use GKE Dataplane V2 (datapath_provider = "ADVANCED_DATAPATH"), or set
#     network_policy { enabled = true } with the network policy add-on; network
#     policy is off by default.
#   rationale:
#     CC6.6: Segmentation between workloads inside the cluster cannot be enforced, so a breach of one service reaches the others.
#     ITGC-LA-1: Network access to internal services in the cluster is not restricted to the workloads that need it.
#   limitations: >-
#     Whether NetworkPolicy objects are actually defined is not known from the
#     cluster's configuration; Autopilot clusters always enforce network policy.
package assure.gcp.gke_network_policy

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

enforced(body) if tf.is_true(body.enable_autopilot)

enforced(body) if body.datapath_provider == "ADVANCED_DATAPATH"

enforced(body) if unknown(body.datapath_provider)

enforced(body) if tf.is_true(tf.block(body, "network_policy").enabled)

enforced(body) if unknown(tf.block(body, "network_policy").enabled)

deny contains {"msg": msg, "resource": c.id, "attribute": attr} if {
	some c in tf.resources("google_container_cluster")
	not enforced(c.body)
	not dynamic(c.body, "network_policy")
	attr := attribute(c.body)
	msg := sprintf("GKE cluster %s does not enforce network policy (network_policy is disabled by default and the datapath is not Dataplane V2)", [c.name])
}

attribute(body) := "network_policy.enabled" if is_array(body.network_policy)

else := ""

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
