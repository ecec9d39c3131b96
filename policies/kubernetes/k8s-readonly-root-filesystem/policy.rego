# METADATA
# title: Containers have a read-only root filesystem
# description: >-
#   A writable root filesystem lets an intruder drop tools and modify the
#   application in place; read-only makes the image the only code that runs.
# custom:
#   id: k8s-readonly-root-filesystem
#   severity: low
#   soc2: [CC6.8]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set securityContext.readOnlyRootFilesystem to true and mount emptyDir volumes where the application must write.
#   rationale:
#     CC6.8: >-
#       A writable root filesystem lets an intruder drop tools or change the
#       application in place, which the read-only filesystem CC6.8 expects would
#       prevent.
#   limitations: >-
#     Volumes the pod mounts (emptyDir, persistent volumes) stay writable and are
#     not examined; admission policies that enforce the setting at deploy time
#     are not seen.
package assure.kubernetes.readonly_root

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.readOnlyRootFilesystem"} if {
	some c in k8s.containers
	not c.container.securityContext.readOnlyRootFilesystem == true
	msg := sprintf("container %s of %s has a writable root filesystem", [c.name, k8s.workload_id])
}
