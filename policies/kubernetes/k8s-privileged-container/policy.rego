# METADATA
# title: Containers do not run privileged
# description: >-
#   A privileged container has every capability and the host's devices: a
#   compromise of the container is a compromise of the node and its tenants.
# custom:
#   id: k8s-privileged-container
#   severity: high
#   soc2: [CC6.8]
#   soc1: [ITGC-LA-2]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Remove securityContext.privileged, or set it to false, and grant only the capabilities needed.
#   rationale:
#     CC6.8: >-
#       A privileged container has every capability and the host's devices, so
#       malicious code in it controls the node and the other workloads on it.
#     ITGC-LA-2: >-
#       Running privileged gives the workload, and whoever compromises it, root
#       on the node, administrative access far beyond what an application needs.
#   limitations: >-
#     System workloads that need privilege (network and storage drivers) are
#     reported too; admission policies and sandboxed runtimes that contain them
#     are not seen.
package assure.kubernetes.privileged

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.privileged"} if {
	some c in k8s.containers
	c.container.securityContext.privileged == true
	msg := sprintf("container %s of %s runs privileged", [c.name, k8s.workload_id])
}
