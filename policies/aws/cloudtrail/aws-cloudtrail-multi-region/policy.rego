# METADATA
# title: CloudTrail trails cover all regions and validate log files
# description: >-
#   A single-region trail misses activity in every other region, and without
#   log file validation a changed or deleted log cannot be detected: the audit
#   trail is neither complete nor tamper-evident.
# custom:
#   id: aws-cloudtrail-multi-region
#   severity: high
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudtrail, AWS::CloudTrail::Trail]
#   remediation: >-
#     Set is_multi_region_trail = true and enable_log_file_validation = true
#     (IsMultiRegionTrail and EnableLogFileValidation in CloudFormation).
#   rationale:
#     CC7.2: >-
#       A single-region trail misses activity in every other region, where an
#       intruder can then work unseen, and CC7.2 monitoring rests on multi-region
#       trails with validated log files.
#     ITGC-OP-2: >-
#       Security events in regions the trail does not cover are never logged, so
#       they cannot be monitored or alerted on.
#     ITGC-DI-1: >-
#       Without multi-region coverage the audit trail is incomplete, and without
#       log file validation a changed or deleted log file goes unnoticed, so the
#       trail is not tamper-evident.
#   limitations: >-
#     An organization trail defined in another account or repository may already
#     cover every region and is not seen; whether anyone ever checks the
#     validation digests is not known from configuration.
package assure.aws.cloudtrail_multi_region

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_settings := ["is_multi_region_trail", "enable_log_file_validation"]

resources contains t.id if some t in tf.resources("aws_cloudtrail")

deny contains {"msg": msg, "resource": t.id, "attribute": setting} if {
	some t in tf.resources("aws_cloudtrail")
	some setting in tf_settings
	not tf.is_true(object.get(t.body, setting, false))
	msg := sprintf("CloudTrail trail %s does not set %s = true", [t.name, setting])
}

cfn_settings := ["IsMultiRegionTrail", "EnableLogFileValidation"]

resources contains t.id if some t in cfn.resources("AWS::CloudTrail::Trail")

deny contains {"msg": msg, "resource": t.id, "attribute": concat(".", ["Properties", setting])} if {
	some t in cfn.resources("AWS::CloudTrail::Trail")
	some setting in cfn_settings
	not cfn.is_true(object.get(t.props, setting, false))
	msg := sprintf("CloudTrail trail %s does not set %s to true", [t.id, setting])
}
