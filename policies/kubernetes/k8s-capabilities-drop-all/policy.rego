# METADATA
# title: Containers drop all Linux capabilities
# description: >-
#   Container runtimes grant a default set of capabilities (NET_RAW among
#   them) that most applications never use; dropping ALL and adding back only
#   what is needed is least privilege for processes.
# custom:
#   id: k8s-capabilities-drop-all
#   severity: medium
#   soc2: [CC6.8]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set securityContext.capabilities.drop to [ALL] and add back only the capabilities the process needs.
#   rationale:
#     CC6.8: >-
#       A container that keeps the runtime's default capabilities (NET_RAW among
#       them) gives malicious code in it more ways to attack the network and the
#       node, where CC6.8 expects dropped capabilities.
#   limitations: >-
#     Capabilities added back after dropping ALL are not reviewed, and admission
#     policies (Pod Security Admission, Gatekeeper, Kyverno) that enforce the
#     same at deploy time are not seen.
package assure.kubernetes.capabilities

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

drops_all(c) if {
	some cap in c.container.securityContext.capabilities.drop
	upper(cap) == "ALL"
}

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.capabilities.drop"} if {
	some c in k8s.containers
	not drops_all(c)
	msg := sprintf("container %s of %s does not drop all capabilities", [c.name, k8s.workload_id])
}
