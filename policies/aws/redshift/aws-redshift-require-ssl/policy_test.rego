package assure.aws.redshift_require_ssl_test

import data.assure.aws.redshift_require_ssl as p
import rego.v1

group(value) := {"name": "warehouse", "family": "redshift-1.0", "parameter": [{"name": "enable_user_activity_logging", "value": "true"}, {"name": "require_ssl", "value": value}]}

module(cluster, g) := {"resource": {"aws_redshift_cluster": {"c": [cluster]}, "aws_redshift_parameter_group": {"g": [g]}}}

test_default_group_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"c": [{}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_redshift_cluster": {"c": [{"cluster_parameter_group_name": "default.redshift-1.0"}]}}}
}

test_group_of_the_module if {
	by_ref := {"cluster_parameter_group_name": "${aws_redshift_parameter_group.g.name}"}
	count(p.deny) == 0 with input as module(by_ref, group("true"))
	count(p.deny) == 1 with input as module(by_ref, group("false"))
	count(p.deny) == 1 with input as module(by_ref, {"name": "warehouse"})
	count(p.deny) == 0 with input as module({"cluster_parameter_group_name": "warehouse"}, group(true))
}

test_groups_from_elsewhere_are_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"c": [{"cluster_parameter_group_name": "shared-ssl"}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_redshift_cluster": {"c": [{"cluster_parameter_group_name": "${var.parameter_group}"}]}}}
}

cfn_template(params) := {"Resources": {
	"C": {"Type": "AWS::Redshift::Cluster", "Properties": {"ClusterParameterGroupName": {"Ref": "G"}}},
	"G": {"Type": "AWS::Redshift::ClusterParameterGroup", "Properties": {"ParameterGroupFamily": "redshift-1.0", "Parameters": params}},
}}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"C": {"Type": "AWS::Redshift::Cluster", "Properties": {}}}}
	count(p.deny) == 0 with input as cfn_template([{"ParameterName": "require_ssl", "ParameterValue": "true"}])
	count(p.deny) == 1 with input as cfn_template([{"ParameterName": "require_ssl", "ParameterValue": "false"}])
	count(p.deny) == 0 with input as {"Resources": {"C": {"Type": "AWS::Redshift::Cluster", "Properties": {"ClusterParameterGroupName": {"Ref": "GroupParam"}}}}}
}

test_default_named_module_group_does_not_error if {
	g := {"name": "default.redshift-1.0", "parameter": [{"name": "require_ssl", "value": "true"}]}
	count(p.deny) == 1 with input as module({"cluster_parameter_group_name": "default.redshift-1.0"}, g)
	two := {"resource": {"aws_redshift_cluster": {"c": [{"cluster_parameter_group_name": "x"}]}, "aws_redshift_parameter_group": {"a": [{"name": "x"}], "b": [{"name": "x", "parameter": [{"name": "require_ssl", "value": "true"}]}]}}}
	count(p.deny) == 1 with input as two
}
