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

cluster(props) := {"Resources": {"C": {"Type": "AWS::EKS::Cluster", "Properties": props}}}

types(names) := {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": n} | some n in names]}}}

test_cloudformation_missing_types_fail if {
	count(logs.deny) == 1 with input as cluster({})
	count(logs.deny) == 1 with input as cluster(types(["api", "audit"]))
	some d in logs.deny with input as cluster(types(["api"]))
	d.msg == "EKS cluster C does not log audit, authenticator"
}

test_cloudformation_all_required_pass if {
	count(logs.deny) == 0 with input as cluster(types(["api", "audit", "authenticator", "controllerManager"]))
	count(logs.deny) == 0 with input as cluster({"Logging": {"ClusterLogging": {"EnabledTypes": {"Ref": "LogTypes"}}}})
}
