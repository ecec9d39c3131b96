# METADATA
# title: RDS instances are not publicly accessible
# description: >-
#   A publicly accessible instance gets a public DNS name and address: its
#   database port is one security group rule away from the internet.
# custom:
#   id: aws-rds-public-access
#   severity: critical
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, aws_rds_cluster_instance, AWS::RDS::DBInstance]
#   remediation: Set publicly_accessible = false (PubliclyAccessible in CloudFormation) and reach the database from inside the VPC.
#   rationale:
#     CC6.6: >-
#       A publicly accessible database gets a public address, so only its
#       security groups keep its port off the internet, where CC6.6 expects data
#       stores to stay private.
#     ITGC-LA-1: >-
#       Once any security group rule lets traffic in, anyone on the internet can
#       try to log in to the database, leaving financial data guarded only by its
#       credentials.
#   limitations: >-
#     Whether the security groups and subnets actually admit traffic from the
#     internet is not evaluated; clusters are examined through their instances.
package assure.aws.rds_public_access

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_types := ["aws_db_instance", "aws_rds_cluster_instance"]

resources contains r.id if {
	some t in tf_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "publicly_accessible"} if {
	some t in tf_types
	some r in tf.resources(t)
	tf.is_true(object.get(r.body, "publicly_accessible", false))
	msg := sprintf("%s is publicly accessible", [r.id])
}

resources contains r.id if some r in cfn.resources("AWS::RDS::DBInstance")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.PubliclyAccessible"} if {
	some r in cfn.resources("AWS::RDS::DBInstance")
	cfn.is_true(object.get(r.props, "PubliclyAccessible", false))
	msg := sprintf("%s is publicly accessible", [r.id])
}
