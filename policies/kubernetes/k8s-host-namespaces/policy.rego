# METADATA
# title: Pods do not share the host's network, PID or IPC namespaces
# description: >-
#   hostNetwork, hostPID and hostIPC remove the isolation between the pod
#   and the node: the pod sees the node's interfaces, processes or shared
#   memory.
# custom:
#   id: k8s-host-namespaces
#   severity: high
#   soc2: [CC6.8]
#   soc1: [ITGC-LA-2]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).
#   rationale:
#     CC6.8: >-
#       A pod in the host's network, PID or IPC namespace loses its isolation
#       from the node, so malicious code in it can watch or reach the node's
#       traffic, processes or shared memory.
#     ITGC-LA-2: >-
#       Host namespaces give the workload, and whoever compromises it, a path to
#       administrative access on the node that no application needs.
#   limitations: >-
#     Admission policies that forbid these settings at deploy time are not seen,
#     and manifests rendered at deploy time (Helm, Kustomize) are judged only as
#     they appear in the scanned files; system agents that need host namespaces
#     are reported too.
package assure.kubernetes.host_namespaces

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains k8s.workload_id if k8s.is_workload

deny contains {"msg": msg, "resource": k8s.workload_id, "attribute": concat(".", [k8s.pod_spec_path, field])} if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	k8s.pod_spec[field] == true
	msg := sprintf("%s uses the host's namespace (%s)", [k8s.workload_id, field])
}
