# METADATA
# title: CloudWatch log groups keep logs for at least a year
# description: >-
#   Logs are evidence: for incident investigation and for an audit period of
#   up to twelve months. A group with a short retention deletes them before
#   anyone asks; one with no retention setting keeps them forever, unplanned.
# custom:
#   id: aws-cloudwatch-log-retention
#   severity: low
#   soc2: [CC7.2, C1.2]
#   soc1: [ITGC-DI-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudwatch_log_group, AWS::Logs::LogGroup]
#   remediation: Set retention_in_days (RetentionInDays) to 365 or more, as your retention policy says.
#   rationale:
#     CC7.2: >-
#       A log group that deletes its logs within a year leaves no record for
#       investigating an anomaly discovered later in the audit period.
#     C1.2: >-
#       A log group with no retention setting keeps whatever confidential data
#       its logs contain forever, never disposed of as a retention policy
#       requires.
#     ITGC-DI-1: >-
#       Logs that expire within months do not keep the audit trail for the whole
#       period it must cover.
#   limitations: >-
#     The 365-day minimum is a default that the organization's retention policy
#     may set differently; logs exported to S3 or another archive may be kept
#     there, which this control does not see, and a retention given by an
#     expression unknown before apply passes.
package assure.aws.cloudwatch_log_retention

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

minimum := 365

resources contains g.id if some g in tf.resources("aws_cloudwatch_log_group")

deny contains {"msg": msg, "resource": g.id, "attribute": "retention_in_days"} if {
	some g in tf.resources("aws_cloudwatch_log_group")
	not g.body.retention_in_days
	msg := sprintf("log group %s sets no retention", [g.name])
}

deny contains {"msg": msg, "resource": g.id, "attribute": "retention_in_days"} if {
	some g in tf.resources("aws_cloudwatch_log_group")
	days := tf.number(g.body.retention_in_days)
	days > 0
	days < minimum
	msg := sprintf("log group %s keeps logs for %d days (minimum %d)", [g.name, days, minimum])
}

resources contains g.id if some g in cfn.resources("AWS::Logs::LogGroup")

deny contains {"msg": msg, "resource": g.id, "attribute": "Properties"} if {
	some g in cfn.resources("AWS::Logs::LogGroup")
	not g.props.RetentionInDays
	msg := sprintf("log group %s sets no retention", [g.id])
}

deny contains {"msg": msg, "resource": g.id, "attribute": "Properties.RetentionInDays"} if {
	some g in cfn.resources("AWS::Logs::LogGroup")
	days := to_number(g.props.RetentionInDays)
	days < minimum
	msg := sprintf("log group %s keeps logs for %d days (minimum %d)", [g.id, days, minimum])
}
