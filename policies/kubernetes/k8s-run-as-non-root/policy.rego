# METADATA
# title: Containers run as a non-root user
# description: >-
#   A process running as root inside a container is one kernel or runtime bug
#   away from root on the node; runAsNonRoot makes the kubelet refuse images
#   that would start as root.
# custom:
#   id: k8s-run-as-non-root
#   severity: medium
#   soc2: [CC6.8]
#   soc1: []
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Set securityContext.runAsNonRoot to true or runAsUser to a non-zero user id (on the pod or each container).
#   rationale:
#     CC6.8: >-
#       A container that may start as root gives malicious code in it root inside
#       the container, one kernel or runtime bug away from root on the node,
#       where CC6.8 expects non-root containers.
#   limitations: >-
#     The user the image itself declares is not known, so a container without
#     runAsNonRoot is reported even if its image runs as a non-root user;
#     admission policies that enforce the setting are not seen.
package assure.kubernetes.run_as_non_root

import data.assure.lib.kubernetes as k8s
import rego.v1

resources contains c.id if some c in k8s.containers

# A container's securityContext wins over the pod's, setting by setting.
effective(c, key) := c.container.securityContext[key]

effective(c, key) := k8s.pod_spec.securityContext[key] if not has_key(object.get(c.container, "securityContext", {}), key)

has_key(obj, key) if _ = obj[key]

# Non-root when the kubelet must refuse a root user, or when the user is a
# number other than 0 (which needs no runAsNonRoot to be safe).
non_root(c) if effective(c, "runAsNonRoot") == true

non_root(c) if {
	uid := effective(c, "runAsUser")
	is_number(uid)
	uid > 0
}

runs_as_root(c) if effective(c, "runAsUser") == 0

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.runAsNonRoot"} if {
	some c in k8s.containers
	not non_root(c)
	not runs_as_root(c)
	# The message (and so the fingerprint baselines match on) predates the
	# non-zero runAsUser rule: kept as it was.
	msg := sprintf("container %s of %s does not set runAsNonRoot", [c.name, k8s.workload_id])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "securityContext.runAsUser"} if {
	some c in k8s.containers
	runs_as_root(c)
	msg := sprintf("container %s of %s runs as user 0", [c.name, k8s.workload_id])
}
