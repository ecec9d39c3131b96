# METADATA
# title: RDS instances run in more than one availability zone
# description: >-
#   A single-AZ instance is down for as long as its zone or host is; Multi-AZ
#   keeps a standby in another zone and fails over to it.
# custom:
#   id: aws-rds-multi-az
#   severity: medium
#   soc2: [A1.2, CC9.1]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, AWS::RDS::DBInstance]
#   remediation: Set multi_az = true (MultiAZ in CloudFormation); Aurora clusters get it from instances in several zones.
#   rationale:
#     A1.2: >-
#       A single-AZ instance has no standby to fail over to, so it lacks the
#       alternate processing infrastructure A1.2 expects for a zone or host
#       failure.
#     CC9.1: >-
#       Running in one availability zone makes the database a single point of
#       failure, the business-disruption risk that Multi-AZ deployment mitigates.
#   limitations: >-
#     Aurora clusters, whose availability comes from instances in several zones,
#     are not examined; read replicas or cross-region copies that give another
#     path to recovery are not considered.
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
