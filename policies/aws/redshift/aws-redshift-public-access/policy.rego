# METADATA
# title: Redshift clusters are not publicly accessible
# description: >-
#   A publicly accessible Redshift cluster gets a public IP address, so
#   the whole warehouse is one security group rule away from the
#   internet and exposed to password guessing.
# custom:
#   id: aws-redshift-public-access
#   severity: critical
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_redshift_cluster, AWS::Redshift::Cluster]
#   remediation: >-
#     Set publicly_accessible = false (PubliclyAccessible false in
#     CloudFormation) and reach the cluster through private subnets, a
#     VPN or Redshift-managed VPC endpoints.
#   rationale:
#     CC6.6: A warehouse with a public endpoint is not protected by the system boundary.
#     ITGC-LA-1: Financial data in the warehouse is reachable by users outside the organization's authorized network.
#   limitations: >-
#     In Terraform a cluster without publicly_accessible is judged
#     public, the default of AWS provider versions before 6
#     (CloudFormation defaults to private); security groups that may
#     still block traffic are not considered, and a value unknown
#     before apply is not judged.
package assure.aws.redshift_public_access

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_redshift_cluster"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "publicly_accessible"} if {
	some r in tf_targets
	v := object.get(r.body, "publicly_accessible", true)
	tf.is_true(v)
	msg := sprintf("%s is publicly accessible (publicly_accessible is true, or not set: public by default before AWS provider v6)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::Redshift::Cluster"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.PubliclyAccessible"} if {
	some r in cfn_targets
	v := object.get(r.props, "PubliclyAccessible", false)
	some b in cfn.branches(v)
	cfn.plain_true(b)
	msg := sprintf("Redshift cluster %s is publicly accessible", [r.id])
}
