# METADATA
# title: Long-running containers have liveness and readiness probes
# description: >-
#   Without a readiness probe traffic reaches pods that cannot serve it;
#   without a liveness probe a hung process is never restarted.
# custom:
#   id: k8s-probes
#   severity: low
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [kubernetes]
#   resource_types: [Deployment, StatefulSet, DaemonSet, Rollout, Service, Configuration]
#   remediation: Add livenessProbe and readinessProbe to the containers of Deployments, StatefulSets and DaemonSets.
#   rationale:
#     CC7.2: >-
#       Without liveness and readiness probes Kubernetes does not monitor whether
#       the container works, so a hung or failing process goes undetected.
#     ITGC-OP-2: >-
#       Processing failures of the container (a hang, a failed start) are neither
#       detected nor acted on by the platform.
#   limitations: >-
#     What a probe tests (a real health check or an endpoint that always
#     succeeds) cannot be judged from configuration; only long-running workloads
#     are examined, and alerting on probe failures is configured elsewhere.
package assure.kubernetes.probes

import data.assure.lib.kubernetes as k8s
import rego.v1

# Init containers run to completion and take no probes.
long_running contains c if {
	k8s.is_service_workload
	some c in k8s.containers
	c.list == "containers"
}

resources contains c.id if some c in long_running

deny contains {"msg": msg, "resource": c.id, "attribute": probe} if {
	some c in long_running
	some probe in ["livenessProbe", "readinessProbe"]
	not c.container[probe]
	msg := sprintf("container %s of %s has no %s", [c.name, k8s.workload_id, probe])
}
