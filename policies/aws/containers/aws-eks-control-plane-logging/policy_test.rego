package assure.aws.eks_control_plane_logging_test

import data.assure.aws.eks_control_plane_logging as logs
import rego.v1

test_missing_types_fail if {
	count(logs.deny) == 1 with input as {"resource": {"aws_eks_cluster": {"c": [{}]}}}
	count(logs.deny) == 1 with input as {"resource": {"aws_eks_cluster": {"c": [{"enabled_cluster_log_types": ["api"]}]}}}
}

test_all_required_pass if {
	count(logs.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"enabled_cluster_log_types": ["api", "audit", "authenticator", "scheduler"]}]}}}
}

test_log_types_from_a_variable_are_not_judged if {
	count(logs.deny) == 0 with input as {"resource": {"aws_eks_cluster": {"c": [{"enabled_cluster_log_types": "${var.types}"}]}}}
}
