# METADATA
# title: Containers request CPU and memory
# description: >-
#   The scheduler places pods by their requests; without them a node is
#   overcommitted and pods are evicted first under pressure.
# custom:
#   id: k8s-resource-requests
#   severity: low
#   soc2: [A1.1]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set resources.requests.cpu and resources.requests.memory on every container.
#   rationale:
#     A1.1: >-
#       The scheduler plans node capacity from requests, and containers without
#       them overcommit nodes and are evicted first under pressure.
#   limitations: >-
#     LimitRange defaults applied to the namespace outside the scanned manifests
#     may set requests anyway; whether the values match the workload's real
#     demand is unknown.
package assure.kubernetes.resource_requests

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": "resources.requests"} if {
	some c in k8s.containers
	some kind in ["cpu", "memory"]
	not c.container.resources.requests[kind]
	# A limit without a request makes Kubernetes request the limit.
	not c.container.resources.limits[kind]
	msg := sprintf("container %s of %s requests no %s", [c.name, k8s.workload_id, kind])
}
