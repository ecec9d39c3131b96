# METADATA
# title: Containers cannot escalate privileges
# description: >-
#   Unless allowPrivilegeEscalation is false, a process can gain more
#   privileges than its parent (setuid binaries, file capabilities).
# custom:
#   id: k8s-privilege-escalation
#   severity: medium
#   soc2: [CC6.8]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set securityContext.allowPrivilegeEscalation to false on every container.
#   rationale:
#     CC6.8: >-
#       Unless allowPrivilegeEscalation is false, malicious code in the container
#       can gain privileges through setuid binaries or file capabilities, which
#       container hardening under CC6.8 is meant to prevent.
#   limitations: >-
#     Whether the image contains setuid binaries at all is not known, and
#     admission policies that enforce the setting at deploy time are not seen.
package assure.kubernetes.privilege_escalation

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.allowPrivilegeEscalation"} if {
	some c in k8s.containers
	not c.container.securityContext.allowPrivilegeEscalation == false
	msg := sprintf("container %s of %s may escalate privileges", [c.name, k8s.workload_id])
}
