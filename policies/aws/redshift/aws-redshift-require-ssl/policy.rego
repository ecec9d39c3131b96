# METADATA
# title: Redshift clusters require SSL connections
# description: >-
#   Redshift accepts unencrypted client connections unless the cluster's
#   parameter group sets require_ssl; the default parameter group does not,
#   so queries, results and passwords can cross the network in clear text.
# custom:
#   id: aws-redshift-require-ssl
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_redshift_cluster, aws_redshift_parameter_group, AWS::Redshift::Cluster, AWS::Redshift::ClusterParameterGroup]
#   remediation: >-
#     Give the cluster a parameter group with require_ssl = true
#     (cluster_parameter_group_name; ClusterParameterGroupName and a
#     require_ssl parameter in CloudFormation).
#   rationale:
#     CC6.7: Client connections that may be unencrypted lack the protection of data in transit the criterion requires.
#     ITGC-LA-3: Financial data queried from the warehouse can be intercepted or altered in transit.
#   limitations: >-
#     A cluster without a parameter group, or on a default.* group, is judged
#     not to require SSL; a group defined outside this module or template, or
#     named by an unknown value, is not judged.
package assure.aws.redshift_require_ssl

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Terraform parameter groups that set require_ssl, by resource name.
tf_ssl_groups contains g.name if {
	some g in tf.resources("aws_redshift_parameter_group")
	is_array(g.body.parameter)
	some p in g.body.parameter
	p.name == "require_ssl"
	lower(sprintf("%v", [p.value])) == "true"
}

# A cluster with no parameter group, or a default.* one, does not require SSL.
uses_default(body) if not body.cluster_parameter_group_name

uses_default(body) if {
	n := body.cluster_parameter_group_name
	is_string(n)
	startswith(n, "default.")
}

# The parameter groups of the module a cluster names, by reference or by
# their literal name.
module_groups(body) := {g.name |
	n := body.cluster_parameter_group_name
	some g in tf.resources("aws_redshift_parameter_group")
	tf_names_group(n, g)
}

tf_names_group(n, g) if tf.references(n, "aws_redshift_parameter_group", g.name)

tf_names_group(n, g) if {
	is_string(n)
	not startswith(n, "${")
	object.get(g.body, "name", null) == n
}

resources contains c.id if some c in tf.resources("aws_redshift_cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "cluster_parameter_group_name"} if {
	some c in tf.resources("aws_redshift_cluster")
	uses_default(c.body)
	msg := sprintf("%s uses a default parameter group, which does not require SSL", [c.id])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "cluster_parameter_group_name"} if {
	some c in tf.resources("aws_redshift_cluster")
	not uses_default(c.body)
	some name in module_groups(c.body)
	not name in tf_ssl_groups
	msg := sprintf("%s uses parameter group aws_redshift_parameter_group.%s, which does not set require_ssl = true", [c.id, name])
}

# CloudFormation parameter groups that set require_ssl, by logical id.
cfn_ssl_groups contains g.id if {
	some g in cfn.resources("AWS::Redshift::ClusterParameterGroup")
	is_array(g.props.Parameters)
	some p in g.props.Parameters
	p.ParameterName == "require_ssl"
	lower(sprintf("%v", [p.ParameterValue])) == "true"
}

cfn_groups := {g.id | some g in cfn.resources("AWS::Redshift::ClusterParameterGroup")}

resources contains c.id if some c in cfn.resources("AWS::Redshift::Cluster")

deny contains {"msg": msg, "resource": c.id, "attribute": "Properties.ClusterParameterGroupName"} if {
	some c in cfn.resources("AWS::Redshift::Cluster")
	not c.props.ClusterParameterGroupName
	msg := sprintf("Redshift cluster %s uses the default parameter group, which does not require SSL", [c.id])
}

deny contains {"msg": msg, "resource": c.id, "attribute": "Properties.ClusterParameterGroupName"} if {
	some c in cfn.resources("AWS::Redshift::Cluster")
	ref := c.props.ClusterParameterGroupName
	is_object(ref)
	group := ref.Ref
	group in cfn_groups
	not group in cfn_ssl_groups
	msg := sprintf("Redshift cluster %s uses parameter group %s, which does not set require_ssl to true", [c.id, group])
}
