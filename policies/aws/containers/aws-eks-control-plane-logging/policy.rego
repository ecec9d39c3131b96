# METADATA
# title: EKS clusters log API, audit and authenticator events
# description: >-
#   Control plane logs are the only record of who did what through the
#   Kubernetes API; they are off unless enabled.
# custom:
#   id: aws-eks-control-plane-logging
#   severity: medium
#   soc2: [CC7.2, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [aws_eks_cluster]
#   remediation: Set enabled_cluster_log_types to include api, audit and authenticator.
package assure.aws.eks_control_plane_logging

import data.assure.lib.terraform as tf
import rego.v1

required := {"api", "audit", "authenticator"}

resources contains c.id if some c in tf.resources("aws_eks_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "enabled_cluster_log_types"} if {
	some c in tf.resources("aws_eks_cluster")
	types := object.get(c.body, "enabled_cluster_log_types", [])
	# A list from a variable ("${var.x}") cannot be read: not judged.
	is_array(types)
	enabled := {t | some t in types}
	missing := required - enabled
	count(missing) > 0
	msg := sprintf("EKS cluster %s does not log %s", [c.name, concat(", ", sort(missing))])
}
