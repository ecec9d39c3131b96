# METADATA
# title: GKE clusters do not use legacy ABAC authorization
# description: >-
#   Legacy ABAC grants broad static permissions to identities in the cluster,
#   including service accounts and nodes, outside what RBAC roles define.
# custom:
#   id: gcp-gke-legacy-abac
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_container_cluster]
#   remediation: Remove enable_legacy_abac = true (it defaults to false) and grant access through Kubernetes RBAC and IAM.
#   rationale:
#     CC6.3: ABAC gives workloads and nodes permissions beyond the roles assigned to them, defeating least privilege.
#     ITGC-LA-2: Privileged access in the cluster is granted statically and cannot be limited per role.
#   limitations: A value held in an unevaluated variable is not judged.
package assure.gcp.gke_legacy_abac

import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("google_container_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "enable_legacy_abac"} if {
	some c in tf.resources("google_container_cluster")
	tf.is_true(c.body.enable_legacy_abac)
	msg := sprintf("GKE cluster %s enables legacy ABAC authorization", [c.name])
}
