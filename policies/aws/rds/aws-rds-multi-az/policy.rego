# METADATA
# title: RDS instances run in more than one availability zone
# description: >-
#   A single-AZ instance is down for as long as its zone or host is; Multi-AZ
#   keeps a standby in another zone and fails over to it.
# custom:
#   id: aws-rds-multi-az
#   severity: medium
#   soc2: [A1.2]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, AWS::RDS::DBInstance]
#   remediation: Set multi_az = true (MultiAZ in CloudFormation); Aurora clusters get it from instances in several zones.
package assure.aws.rds_multi_az

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

replica(body) if body.replicate_source_db

resources contains r.id if {
	some r in tf.resources("aws_db_instance")
	not replica(r.body)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "multi_az"} if {
	some r in tf.resources("aws_db_instance")
	not replica(r.body)
	not tf.is_true(object.get(r.body, "multi_az", false))
	msg := sprintf("%s runs in a single availability zone", [r.id])
}

cfn_instances contains r if {
	some r in cfn.resources("AWS::RDS::DBInstance")
	not r.props.DBClusterIdentifier
}

resources contains r.id if some r in cfn_instances

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.MultiAZ"} if {
	some r in cfn_instances
	not cfn.is_true(object.get(r.props, "MultiAZ", false))
	msg := sprintf("%s runs in a single availability zone", [r.id])
}
