# METADATA
# title: Log groups of personal data set a retention period
# description: >-
#   A CloudWatch log group tagged as holding personal data with no retention
#   period keeps every log event forever: the personal data in the logs is
#   kept long after the purpose it was collected for has ended.
# custom:
#   id: aws-cloudwatch-personal-log-retention
#   severity: medium
#   soc2: [P4.2, P4.3]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudwatch_log_group, AWS::Logs::LogGroup]
#   remediation: >-
#     Set retention_in_days (RetentionInDays in CloudFormation) on the log group
#     to the retention period your privacy notice or retention schedule gives
#     for this data.
#   rationale:
#     P4.2: >-
#       Personal data kept without a retention period is kept longer than any
#       stated purpose needs, which is the retention P4.2 asks to limit.
#     P4.3: >-
#       The retention period is what makes CloudWatch delete old log events, so
#       without it the personal information in them is never disposed of.
#   limitations: >-
#     Tags are the only signal: only log groups whose own tags classify them as
#     personal data (DataClassification, data_classification, Classification,
#     DataSensitivity or Sensitivity naming personal, pii or phi) are examined,
#     and tags from the provider's default_tags or unknown before apply are not
#     seen. Log groups created by services outside the configuration (Lambda,
#     API Gateway or ECS creating their own) are not seen; any retention period
#     passes, however long, and one unknown before apply is not judged.
package assure.aws.cloudwatch_personal_log_retention

import data.assure.lib.classification
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
# Log groups whose tags classify them as holding personal data, with the
# class named in messages.
tagged contains {"group": g, "class": c} if {
	some g in tf.resources("aws_cloudwatch_log_group")
	c := classification.tf_personal(object.get(g.body, "tags", {}))
}

resources contains x.group.id if some x in tagged

# No retention_in_days (or null): CloudWatch keeps the events forever.
deny contains {"msg": msg, "resource": x.group.id, "attribute": "retention_in_days"} if {
	some x in tagged
	object.get(x.group.body, "retention_in_days", null) == null
	msg := sprintf("log group %s is classified %s but sets no retention period (logs are kept forever)", [x.group.name, x.class])
}

# retention_in_days = 0 means "never expire" to the provider. A value unknown
# before apply ("${var.days}") is no number: not judged.
deny contains {"msg": msg, "resource": x.group.id, "attribute": "retention_in_days"} if {
	some x in tagged
	tf.number(object.get(x.group.body, "retention_in_days", null)) == 0
	msg := sprintf("log group %s is classified %s but sets retention_in_days to 0 (logs are kept forever)", [x.group.name, x.class])
}

# ---- CloudFormation -------------------------------------------------------
cfn_tagged contains {"group": g, "class": c} if {
	some g in cfn.resources("AWS::Logs::LogGroup")
	c := classification.cfn_personal(object.get(g.props, "Tags", []))
}

resources contains x.group.id if some x in cfn_tagged

# No RetentionInDays: the log group never expires its events.
deny contains {"msg": msg, "resource": x.group.id, "attribute": "Properties"} if {
	some x in cfn_tagged
	object.get(x.group.props, "RetentionInDays", null) == null
	msg := sprintf("log group %s is classified %s but sets no retention period (logs are kept forever)", [x.group.id, x.class])
}

# RetentionInDays set with !If where one branch removes it (AWS::NoValue):
# under that condition the events are kept forever. A !Ref to a parameter is
# unknown here: not judged.
deny contains {"msg": msg, "resource": x.group.id, "attribute": "Properties.RetentionInDays"} if {
	some x in cfn_tagged
	days := object.get(x.group.props, "RetentionInDays", null)
	cfn.is_if(days)
	some b in cfn.branches(days)
	no_value(b)
	msg := sprintf("log group %s is classified %s but sets no retention period under one of its conditions (logs are kept forever)", [x.group.id, x.class])
}

no_value(v) if v == null

no_value(v) if {
	is_object(v)
	v.Ref == "AWS::NoValue"
}
