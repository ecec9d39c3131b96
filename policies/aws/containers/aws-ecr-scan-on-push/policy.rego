# METADATA
# title: ECR repositories scan images on push
# description: Images with known vulnerabilities reach production unnoticed when nothing scans them as they are pushed.
# custom:
#   id: aws-ecr-scan-on-push
#   severity: medium
#   soc2: [CC7.1, CC6.8]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_ecr_registry_scanning_configuration, aws_ecr_repository, AWS::ECR::Repository]
#   remediation: Add image_scanning_configuration { scan_on_push = true } (ImageScanningConfiguration in CloudFormation), or enhanced scanning for the registry.
#   rationale:
#     CC7.1: >-
#       Without scanning on push, known vulnerabilities in newly pushed images
#       are not identified, which is the vulnerability detection CC7.1 expects.
#     CC6.8: >-
#       Image scanning on push is the check that catches known-vulnerable or
#       malicious packages before an image runs; a repository without it lets
#       them through unexamined.
#   limitations: >-
#     Scanning reports findings but blocks nothing: whether anyone reviews the
#     results or gates deployments on them is outside the configuration. Enhanced
#     scanning set for the registry outside this code (console, another
#     repository, Amazon Inspector) is not seen, so its repositories may be
#     reported.
package assure.aws.ecr_scan_on_push

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Enhanced scanning configured for the registry covers every repository.
registry_scanning if {
	some s in tf.resources("aws_ecr_registry_scanning_configuration")
	s.body.scan_type == "ENHANCED"
}

resources contains r.id if some r in tf.resources("aws_ecr_repository")

deny contains {"msg": msg, "resource": r.id, "attribute": "image_scanning_configuration.scan_on_push"} if {
	not registry_scanning
	some r in tf.resources("aws_ecr_repository")
	not tf.is_true(object.get(tf.block(r.body, "image_scanning_configuration"), "scan_on_push", false))
	msg := sprintf("ECR repository %s does not scan images on push", [r.name])
}

resources contains r.id if some r in cfn.resources("AWS::ECR::Repository")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties"} if {
	some r in cfn.resources("AWS::ECR::Repository")
	not cfn.is_true(object.get(object.get(r.props, "ImageScanningConfiguration", {}), "ScanOnPush", false))
	msg := sprintf("ECR repository %s does not scan images on push", [r.id])
}
