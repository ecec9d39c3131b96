# METADATA
# title: CloudTrail trails are logging
# description: >-
#   A trail that is defined but stopped records nothing: the account has no
#   audit trail while the configuration suggests it does.
# custom:
#   id: aws-cloudtrail-logging-enabled
#   severity: high
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation: Remove enable_logging = false from the trail (IsLogging true in CloudFormation).
#   rationale:
#     CC7.2: >-
#       A trail with logging turned off records no API activity, so anomalous use
#       of the account cannot be detected from the audit log the configuration
#       suggests exists.
#     ITGC-OP-2: >-
#       While the trail is stopped, security events (sign-ins, policy changes,
#       deletions) are not logged, so nothing downstream can monitor or alert on
#       them.
#     ITGC-DI-1: >-
#       A stopped trail leaves a gap in the record of who changed the systems and
#       their data, so the audit trail is not complete.
#   limitations: >-
#     Only the setting in code is seen: a trail stopped later with StopLogging
#     (console or API), or an organization trail managed from another account, is
#     not. In Terraform a trail without enable_logging logs (the provider
#     default), while CloudFormation requires IsLogging to be true.
package assure.aws.cloudtrail_logging_enabled

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains t.id if some t in tf.resources("aws_cloudtrail")

deny contains {"msg": msg, "resource": t.id, "attribute": "enable_logging"} if {
	some t in tf.resources("aws_cloudtrail")
	t.body.enable_logging in {false, "false"}
	msg := sprintf("CloudTrail trail %s has logging turned off", [t.name])
}

resources contains t.id if some t in cfn.resources("AWS::CloudTrail::Trail")

deny contains {"msg": msg, "resource": t.id, "attribute": "Properties.IsLogging"} if {
	some t in cfn.resources("AWS::CloudTrail::Trail")
	not cfn.is_true(object.get(t.props, "IsLogging", false))
	msg := sprintf("CloudTrail trail %s does not set IsLogging to true", [t.id])
}
