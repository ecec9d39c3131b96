# METADATA
# title: Neptune clusters authenticate requests with IAM
# description: >-
#   Neptune has no database users or passwords: without IAM database
#   authentication, any client that can reach the endpoint on the
#   network can read and change the whole graph.
# custom:
#   id: aws-neptune-iam-auth
#   severity: high
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_neptune_cluster, AWS::Neptune::DBCluster]
#   remediation: >-
#     Set iam_database_authentication_enabled = true (IamAuthEnabled
#     in CloudFormation) and grant neptune-db: actions to the roles
#     that query the cluster.
#   rationale:
#     CC6.1: Without IAM authentication the graph database authenticates no one, leaving access to network placement rather than logical access control.
#     ITGC-LA-1: Any client with network access can read or change the financial data in the graph without being an authorized, authenticated user.
#   limitations: >-
#     The setting is judged off when absent, the default of the
#     provider and CloudFormation; security groups that narrow who
#     reaches the endpoint are not considered, and a value unknown
#     before apply or from a template parameter is not judged.
package assure.aws.neptune_iam_auth

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_neptune_cluster"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "iam_database_authentication_enabled"} if {
	some r in tf_targets
	v := object.get(r.body, "iam_database_authentication_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not require IAM authentication (iam_database_authentication_enabled is false or not set)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::Neptune::DBCluster"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.IamAuthEnabled"} if {
	some r in cfn_targets
	v := object.get(r.props, "IamAuthEnabled", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("Neptune cluster %s does not require IAM authentication", [r.id])
}
