# METADATA
# title: KMS keys wait at least 14 days before deletion
# description: >-
#   Deleting a KMS key makes everything encrypted with it unreadable for good.
#   The waiting period is the only chance to notice and cancel a mistaken or
#   malicious deletion; at 7 days it can pass unnoticed over a holiday.
# custom:
#   id: aws-kms-deletion-window
#   severity: medium
#   soc2: [CC6.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_kms_key, aws_kms_replica_key, aws_kms_external_key, aws_kms_replica_external_key, AWS::KMS::Key, AWS::KMS::ReplicaKey]
#   remediation: Set deletion_window_in_days (PendingWindowInDays in CloudFormation) to 14 or more, or leave it unset for the 30-day default.
#   rationale:
#     CC6.5: Deleting a key disposes of all data encrypted with it, and a short waiting period leaves too little time to stop a disposal that was not authorized.
#     ITGC-OP-1: Backups encrypted with a deleted key can no longer be restored, so the window is what keeps a mistaken deletion recoverable.
#   limitations: >-
#     The window only helps if someone is alerted when a deletion is scheduled
#     (a CloudTrail or EventBridge alarm on ScheduleKeyDeletion), which this
#     control does not check; windows unknown before apply are not judged.
package assure.aws.kms_deletion_window

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

minimum := 14

tf_types := ["aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_replica_external_key"]

resources contains k.id if {
	some t in tf_types
	some k in tf.resources(t)
}

deny contains {"msg": msg, "resource": k.id, "attribute": "deletion_window_in_days"} if {
	some t in tf_types
	some k in tf.resources(t)
	days := tf.number(object.get(k.body, "deletion_window_in_days", 30))
	days < minimum
	msg := sprintf("%s is deleted %v days after deletion is scheduled (at least %v needed)", [k.id, days, minimum])
}

cfn_keys contains k if {
	some t in ["AWS::KMS::Key", "AWS::KMS::ReplicaKey"]
	some k in cfn.resources(t)
}

resources contains k.id if some k in cfn_keys

deny contains {"msg": msg, "resource": k.id, "attribute": "Properties.PendingWindowInDays"} if {
	some k in cfn_keys
	some b in cfn.branches(object.get(k.props, "PendingWindowInDays", 30))
	days := tf.number(b)
	days < minimum
	msg := sprintf("KMS key %s is deleted %v days after deletion is scheduled (at least %v needed)", [k.id, days, minimum])
}
