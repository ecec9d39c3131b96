# METADATA
# title: GuardDuty detectors are enabled
# description: >-
#   A detector that is defined but disabled analyses nothing: threats such
#   as credential misuse or crypto-mining go unnoticed.
# custom:
#   id: aws-guardduty-enabled
#   severity: high
#   soc2: [CC7.2, CC6.8]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_guardduty_detector, AWS::GuardDuty::Detector]
#   remediation: Remove enable = false from aws_guardduty_detector (Enable true in CloudFormation).
#   rationale:
#     CC7.2: >-
#       GuardDuty is the threat detection CC7.2 expects; a disabled detector
#       analyses nothing, so credential misuse or reconnaissance goes unnoticed.
#     CC6.8: >-
#       GuardDuty reports malware, crypto-mining and command-and-control traffic
#       on instances and containers; a disabled detector leaves such malicious
#       software undetected.
#     ITGC-OP-2: >-
#       With the detector disabled, security events are not analysed or raised as
#       findings, so nothing can alert on them.
#   limitations: >-
#     Only detectors declared in this code are examined: an account or region
#     with no detector at all, or one enabled by the organization's delegated
#     administrator, is not seen; whether findings reach anyone is a separate
#     question.
package assure.aws.guardduty_enabled

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains d.id if some d in tf.resources("aws_guardduty_detector")

deny contains {"msg": msg, "resource": d.id, "attribute": "enable"} if {
	some d in tf.resources("aws_guardduty_detector")
	d.body.enable in {false, "false"}
	msg := sprintf("GuardDuty detector %s is disabled", [d.name])
}

resources contains d.id if some d in cfn.resources("AWS::GuardDuty::Detector")

deny contains {"msg": msg, "resource": d.id, "attribute": "Properties.Enable"} if {
	some d in cfn.resources("AWS::GuardDuty::Detector")
	not cfn.is_true(object.get(d.props, "Enable", false))
	msg := sprintf("GuardDuty detector %s is disabled", [d.id])
}
