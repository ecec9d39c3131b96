# METADATA
# title: Workloads name the team that owns them
# description: >-
#   Every Deployment, StatefulSet and DaemonSet carries an `owner` label, so
#   alerts, incidents and access reviews reach the people responsible.
# custom:
#   id: example-k8s-owner-label
#   severity: low
#   soc2: [CC1.3, CC7.4]
#   inputs: [kubernetes]
#   remediation: Add metadata.labels.owner with the owning team's name.
package example.k8s_owner_label

import rego.v1

workloads := {"Deployment", "StatefulSet", "DaemonSet"}

# The resources this control examined: one result (JUnit test case) each.
resources contains id if {
	input.kind in workloads
	id := sprintf("%s/%s", [input.kind, input.metadata.name])
}

deny contains {"msg": msg, "resource": id, "attribute": "metadata.labels"} if {
	input.kind in workloads
	not input.metadata.labels.owner
	id := sprintf("%s/%s", [input.kind, input.metadata.name])
	msg := sprintf("%s has no owner label", [id])
}
