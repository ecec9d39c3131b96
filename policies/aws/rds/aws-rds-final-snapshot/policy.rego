# METADATA
# title: RDS databases take a final snapshot when deleted
# description: >-
#   With skip_final_snapshot (or DeletionPolicy Delete in CloudFormation),
#   deleting the database, by a destroy or a replacement, discards its data
#   and automated backups with nothing kept to restore from.
# custom:
#   id: aws-rds-final-snapshot
#   severity: medium
#   soc2: [CC6.5, A1.2]
#   soc1: [ITGC-OP-1, ITGC-DI-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance, AWS::RDS::DBCluster]
#   remediation: >-
#     Set skip_final_snapshot = false with a final_snapshot_identifier, or
#     DeletionPolicy Snapshot (the default) or Retain in CloudFormation.
#   rationale:
#     CC6.5: A final snapshot is the retention before deletion CC6.5 expects, so that data is only disposed of deliberately and not by removing the database.
#     A1.2: Deleting a database without a final snapshot also deletes its automated backups, leaving nothing to recover from.
#     ITGC-OP-1: Financial data in a database deleted without a final snapshot cannot be restored.
#     ITGC-DI-2: Records in the database are destroyed with it, whatever their retention period, when no final snapshot is taken.
#   limitations: >-
#     Read replicas and instances of an Aurora cluster are not examined (their
#     data is snapshotted with the source or cluster). In CloudFormation an
#     UpdateReplacePolicy of Delete, the default, still discards the old
#     database on replacement and is not checked; values unknown before apply
#     are not judged.
package assure.aws.rds_final_snapshot

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_dbs contains r if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(t)
	not r.body.replicate_source_db
	not r.body.replication_source_identifier
}

resources contains r.id if some r in tf_dbs

deny contains {"msg": msg, "resource": r.id, "attribute": "skip_final_snapshot"} if {
	some r in tf_dbs
	tf.is_true(object.get(r.body, "skip_final_snapshot", false))
	msg := sprintf("%s skips the final snapshot: deleting it discards its data", [r.id])
}

cfn_dbs contains {"id": id, "resource": res} if {
	some id, res in input.Resources
	res.Type in {"AWS::RDS::DBInstance", "AWS::RDS::DBCluster"}
	props := object.get(res, "Properties", {})
	not props.DBClusterIdentifier
	not props.SourceDBInstanceIdentifier
	not props.SourceDBClusterIdentifier
}

resources contains d.id if some d in cfn_dbs

deny contains {"msg": msg, "resource": d.id, "attribute": "DeletionPolicy"} if {
	some d in cfn_dbs
	object.get(d.resource, "DeletionPolicy", "Snapshot") == "Delete"
	msg := sprintf("%s has DeletionPolicy Delete: deleting the stack discards its data without a snapshot", [d.id])
}
