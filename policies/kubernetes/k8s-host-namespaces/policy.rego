# METADATA
# title: Pods do not share the host's network, PID or IPC namespaces
# description: >-
#   hostNetwork, hostPID and hostIPC remove the isolation between the pod
#   and the node: the pod sees the node's interfaces, processes or shared
#   memory.
# custom:
#   id: k8s-host-namespaces
#   severity: high
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-2]
#   inputs: [kubernetes]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController]
#   remediation: Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).
package assure.kubernetes.host_namespaces

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains k8s.workload_id if k8s.is_workload

deny contains {"msg": msg, "resource": k8s.workload_id, "attribute": concat(".", [k8s.pod_spec_path, field])} if {
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	k8s.pod_spec[field] == true
	msg := sprintf("%s uses the host's namespace (%s)", [k8s.workload_id, field])
}
