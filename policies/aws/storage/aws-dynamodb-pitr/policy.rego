# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: >-
#   Point-in-time recovery restores a table to any second of the last 35
#   days; without it a bad write or delete is permanent unless an on-demand
#   backup happens to exist.
# custom:
#   id: aws-dynamodb-pitr
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_dynamodb_table, AWS::DynamoDB::Table]
#   remediation: Add point_in_time_recovery { enabled = true } (PointInTimeRecoverySpecification in CloudFormation).
#   rationale:
#     A1.2: >-
#       Point-in-time recovery is the continuous backup A1.2 expects for a table;
#       without it a bad write or delete is permanent unless an on-demand backup
#       happens to exist.
#     CC7.5: >-
#       Point-in-time recovery lets the table be restored to a moment before an
#       incident changed or deleted its data.
#     ITGC-OP-1: >-
#       Without point-in-time recovery, financial data in the table cannot be
#       restored to a point before an erroneous change.
#   limitations: >-
#     Backups by AWS Backup plans or on-demand backups defined elsewhere are not
#     seen, and whether a restore works is not something configuration can show.
package assure.aws.dynamodb_pitr

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains t.id if some t in tf.resources("aws_dynamodb_table")

deny contains {"msg": msg, "resource": t.id, "attribute": "point_in_time_recovery.enabled"} if {
	some t in tf.resources("aws_dynamodb_table")
	not tf.is_true(object.get(tf.block(t.body, "point_in_time_recovery"), "enabled", false))
	msg := sprintf("DynamoDB table %s has no point-in-time recovery", [t.name])
}

resources contains t.id if some t in cfn.resources("AWS::DynamoDB::Table")

deny contains {"msg": msg, "resource": t.id, "attribute": "Properties"} if {
	some t in cfn.resources("AWS::DynamoDB::Table")
	not cfn.is_true(object.get(object.get(t.props, "PointInTimeRecoverySpecification", {}), "PointInTimeRecoveryEnabled", false))
	msg := sprintf("DynamoDB table %s has no point-in-time recovery", [t.id])
}
