# METADATA
# title: Containers set CPU and memory limits
# description: >-
#   Without limits one container can take a node's CPU and memory, and its
#   neighbours fail with it: capacity is not managed.
# custom:
#   id: k8s-resource-limits
#   severity: low
#   soc2: [A1.1]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set resources.limits.cpu and resources.limits.memory on every container.
#   rationale:
#     A1.1: >-
#       Without CPU and memory limits one container can take a node's capacity
#       and starve its neighbours, so capacity use is neither bounded nor
#       planned.
#   limitations: >-
#     LimitRange defaults and ResourceQuotas applied to the namespace outside the
#     scanned manifests may set limits anyway; whether the values fit the
#     workload's real demand is unknown.
package assure.kubernetes.resource_limits

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": "resources.limits"} if {
	some c in k8s.containers
	some kind in ["cpu", "memory"]
	not c.container.resources.limits[kind]
	msg := sprintf("container %s of %s has no %s limit", [c.name, k8s.workload_id, kind])
}
