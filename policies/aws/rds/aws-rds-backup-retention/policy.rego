# METADATA
# title: RDS databases keep automated backups for at least 7 days
# description: >-
#   Automated backups and point-in-time restore exist only within the backup
#   retention period; 0 turns them off, and a day or two rarely covers the
#   time it takes to notice corrupted data.
# custom:
#   id: aws-rds-backup-retention
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance, AWS::RDS::DBCluster]
#   remediation: Set backup_retention_period (BackupRetentionPeriod) to 7 days or more.
#   rationale:
#     A1.2: >-
#       Automated backups and point-in-time restore exist only within the
#       retention period, and less than 7 days (0 turns them off) falls short of
#       the backups A1.2 expects.
#     CC7.5: >-
#       Once corrupted or maliciously changed data is noticed, the database can
#       only be restored to a point within its backup retention, and a short
#       window may hold no clean copy.
#     ITGC-OP-1: >-
#       With backups kept for less than a week, financial data may not be
#       restorable to a point before an error was found.
#   limitations: >-
#     Backups made by AWS Backup plans, manual snapshots and cross-region copies
#     defined elsewhere are not seen; the 7-day minimum is a default, and whether
#     a restore works is not something configuration can show.
package assure.aws.rds_backup_retention

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

minimum := 7

tf_types := ["aws_db_instance", "aws_rds_cluster"]

# Read replicas take no backups of their own.
replica(body) if body.replicate_source_db

resources contains r.id if {
	some t in tf_types
	some r in tf.resources(t)
	not replica(r.body)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "backup_retention_period"} if {
	some t in tf_types
	some r in tf.resources(t)
	not replica(r.body)
	# The provider default is 0 for instances (no backups) and 1 for clusters.
	days := tf.number(object.get(r.body, "backup_retention_period", 0))
	days < minimum
	msg := sprintf("%s keeps backups for %d days (minimum %d)", [r.id, days, minimum])
}

resources contains r.id if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in cfn.resources(t)
	not r.props.DBClusterIdentifier
	not r.props.SourceDBInstanceIdentifier
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.BackupRetentionPeriod"} if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in cfn.resources(t)
	not r.props.DBClusterIdentifier
	not r.props.SourceDBInstanceIdentifier
	# CloudFormation's default is 1 day.
	days := to_number(object.get(r.props, "BackupRetentionPeriod", 1))
	days < minimum
	msg := sprintf("%s keeps backups for %d days (minimum %d)", [r.id, days, minimum])
}
