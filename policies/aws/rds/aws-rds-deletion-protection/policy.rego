# METADATA
# title: RDS databases are protected from deletion
# description: >-
#   Without deletion protection one API call, or one mistaken Terraform
#   apply, deletes the database and its automated backups.
# custom:
#   id: aws-rds-deletion-protection
#   severity: medium
#   soc2: [A1.2]
#   soc1: [ITGC-DI-2, ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance, AWS::RDS::DBCluster]
#   remediation: Set deletion_protection = true (DeletionProtection in CloudFormation).
#   rationale:
#     A1.2: >-
#       Deletion protection is one of the protections A1.2 expects; without it
#       one API call or one mistaken apply deletes the database.
#     ITGC-DI-2: >-
#       Without deletion protection the database holding financial records can be
#       deleted in a single call, whatever their retention period.
#     ITGC-OP-1: >-
#       Deleting an instance also deletes its automated backups unless they are
#       retained, so its data may no longer be restorable.
#   limitations: >-
#     Anyone allowed to modify the database can turn protection off first, so it
#     guards against accidents more than intent; IAM permissions, final snapshots
#     and retained backups are not examined.
package assure.aws.rds_deletion_protection

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_types := ["aws_db_instance", "aws_rds_cluster"]

resources contains r.id if {
	some t in tf_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "deletion_protection"} if {
	some t in tf_types
	some r in tf.resources(t)
	not tf.is_true(object.get(r.body, "deletion_protection", false))
	msg := sprintf("%s is not protected from deletion", [r.id])
}

cfn_dbs contains r if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in cfn.resources(t)
	not r.props.DBClusterIdentifier
}

resources contains r.id if some r in cfn_dbs

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.DeletionProtection"} if {
	some r in cfn_dbs
	not cfn.is_true(object.get(r.props, "DeletionProtection", false))
	msg := sprintf("%s is not protected from deletion", [r.id])
}
