# METADATA
# title: EKS clusters log API, audit and authenticator events
# description: >-
#   Control plane logs are the only record of who did what through the
#   Kubernetes API; they are off unless enabled.
# custom:
#   id: aws-eks-control-plane-logging
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_eks_cluster, AWS::EKS::Cluster]
#   remediation: Set enabled_cluster_log_types to include api, audit and authenticator (Logging.ClusterLogging.EnabledTypes in CloudFormation).
#   rationale:
#     CC7.2: API, audit and authenticator logs are the audit records needed to monitor the cluster's control plane for anomalies.
#     ITGC-OP-2: Security events on the platform that runs the financial workloads are not logged for monitoring and alerting.
#   limitations: >-
#     Log types set from a variable or template parameter are not judged;
#     where the logs go (CloudWatch retention, forwarding to a SIEM) is not
#     checked.
package assure.aws.eks_control_plane_logging

import data.assure.lib.cloudformation as cfn
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

resources contains c.id if some c in cfn.resources("AWS::EKS::Cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "Properties.Logging"} if {
	some c in cfn.resources("AWS::EKS::Cluster")
	types := object.get(object.get(object.get(c.props, "Logging", {}), "ClusterLogging", {}), "EnabledTypes", [])
	# A list from a parameter or another intrinsic function is not judged.
	is_array(types)
	enabled := {t.Type | some t in types; is_object(t)}
	missing := required - enabled
	count(missing) > 0
	msg := sprintf("EKS cluster %s does not log %s", [c.id, concat(", ", sort(missing))])
}
