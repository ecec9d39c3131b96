# METADATA
# title: Deployments, StatefulSets and Rollouts run more than one replica
# description: >-
#   A single replica is down during every node drain, rollout or crash:
#   availability depends on one pod.
# custom:
#   id: k8s-single-replica
#   severity: low
#   soc2: [A1.1]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [Deployment, StatefulSet, Rollout]
#   remediation: Run at least two replicas (or scale with a HorizontalPodAutoscaler whose minReplicas is 2 or more).
#   rationale:
#     A1.1: >-
#       A single replica leaves no spare capacity, so every node drain, rollout
#       or crash, and any load beyond one pod, takes the service down.
#   limitations: >-
#     A HorizontalPodAutoscaler that scales the workload is not considered, so a
#     Deployment without spec.replicas is reported even when an autoscaler keeps
#     two or more; replica counts set by templating are judged as they appear in
#     the scanned files.
package assure.kubernetes.replicas

import rego.v1

# Argo Rollouts replace Deployments and default to one replica too.
scaled_kinds := {"Deployment", "StatefulSet", "Rollout"}

resources contains sprintf("%s/%s", [input.kind, input.metadata.name]) if input.kind in scaled_kinds

deny contains {"msg": msg, "resource": sprintf("%s/%s", [input.kind, input.metadata.name]), "attribute": "spec.replicas"} if {
	input.kind in scaled_kinds
	# Kubernetes defaults to one replica.
	replicas := object.get(input.spec, "replicas", 1)
	is_number(replicas)
	replicas < 2
	msg := sprintf("%s/%s runs %d replica", [input.kind, input.metadata.name, replicas])
}
