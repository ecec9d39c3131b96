# METADATA
# title: Workloads run in namespaces that have a NetworkPolicy
# description: >-
#   Without a NetworkPolicy every pod accepts traffic from every other pod
#   in the cluster: one compromised workload reaches all the others.
#   Looks across the scan: a policy anywhere in the scanned manifests for
#   the workload's namespace counts.
# custom:
#   id: k8s-namespace-network-policy
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Add a NetworkPolicy to the namespace, starting from default-deny ingress and allowing what each workload needs.
#   rationale:
#     CC6.6: >-
#       Without a NetworkPolicy every pod in the cluster, including one
#       compromised through an exposed service, can reach the workload, which has
#       no network boundary of its own.
#     ITGC-LA-1: >-
#       Any workload in the cluster can connect to the service's pods, leaving
#       access to the data they serve guarded only by the application's own
#       authentication.
#   limitations: >-
#     Any NetworkPolicy in the namespace counts whatever its rules (an allow-all
#     policy passes); policies applied outside the scanned manifests are not
#     seen, and policies have effect only when the cluster's network plugin
#     enforces them.
package assure.kubernetes.network_policy

import data.assure.lib.kubernetes as k8s
import rego.v1

namespace := object.get(input.metadata, "namespace", "default")

# The scan's Kubernetes documents indexed by namespace and kind (see README,
# "Controls that look across inputs"); absent when assure runs no scan.
# Looked up, not searched: searching the document list for every workload
# costs the square of the repository's size. Referenced by its full path:
# reading `data` as a whole would evaluate every policy.
covered if data.inventory.kubernetes_by_namespace[namespace].NetworkPolicy

resources contains k8s.workload_id if {
	k8s.is_workload
	input.kind != "Pod"
}

deny contains {"msg": msg, "resource": k8s.workload_id} if {
	k8s.is_workload
	input.kind != "Pod"
	not covered
	msg := sprintf("%s runs in namespace %s, which has no NetworkPolicy", [k8s.workload_id, namespace])
}
