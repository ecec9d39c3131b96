# METADATA
# title: Pods do not mount host paths
# description: >-
#   A hostPath volume exposes the node's filesystem to the pod; read-write
#   mounts of paths such as / or /var/run/docker.sock amount to root on the
#   node.
# custom:
#   id: k8s-hostpath-volumes
#   severity: medium
#   soc2: [CC6.8]
#   soc1: [ITGC-LA-2]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Use emptyDir, persistent volumes or projected volumes instead of hostPath.
#   rationale:
#     CC6.8: >-
#       A hostPath volume lets malicious code in the pod read or change the
#       node's files, or drive the container runtime through its socket.
#     ITGC-LA-2: >-
#       A read-write mount of a path such as / or the runtime socket gives the
#       workload root on the node, administrative access no application needs.
#   limitations: >-
#     Every hostPath is reported, whether read-only or of a harmless path;
#     PersistentVolumes of type hostPath and admission policies are not examined.
package assure.kubernetes.hostpath

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains k8s.workload_id if k8s.is_workload

deny contains {"msg": msg, "resource": k8s.workload_id, "attribute": sprintf("%s.volumes[%d].hostPath", [k8s.pod_spec_path, i])} if {
	some i, v in k8s.pod_spec.volumes
	path := v.hostPath.path
	msg := sprintf("%s mounts the host path %s (volume %s)", [k8s.workload_id, path, v.name])
}
