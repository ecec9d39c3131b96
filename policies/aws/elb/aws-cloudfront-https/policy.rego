# METADATA
# title: CloudFront distributions require HTTPS from viewers
# description: A viewer protocol policy of allow-all serves content, cookies and tokens over plain HTTP.
# custom:
#   id: aws-cloudfront-https
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_cloudfront_distribution, AWS::CloudFront::Distribution]
#   remediation: Set viewer_protocol_policy (ViewerProtocolPolicy in CloudFormation) to redirect-to-https or https-only on every cache behavior.
#   rationale:
#     CC6.7: >-
#       A cache behavior with the allow-all viewer protocol policy serves
#       content, cookies and tokens to viewers over plain HTTP, so data in
#       transit is not protected.
#     ITGC-LA-3: >-
#       Over plain HTTP, data exchanged between viewers and the distribution can
#       be read or altered in transit.
#   limitations: >-
#     Only the viewer side is checked: the protocol to the origin and the minimum
#     TLS version of the viewer certificate are not. A CloudFormation policy
#     given by a parameter (!Ref) is not known and not judged; one set with !If
#     must be HTTPS in both branches. Distributions defined outside Terraform
#     and CloudFormation (the console, CDK apps not synthesized) are not seen.
package assure.aws.cloudfront_https

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains d.id if some d in tf.resources("aws_cloudfront_distribution")

deny contains {"msg": msg, "resource": d.id, "attribute": kind} if {
	some d in tf.resources("aws_cloudfront_distribution")
	some kind in ["default_cache_behavior", "ordered_cache_behavior"]
	some b in object.get(d.body, kind, [])
	b.viewer_protocol_policy == "allow-all"
	msg := sprintf("CloudFront distribution %s serves plain HTTP (%s)", [d.name, replace(kind, "_", " ")])
}

resources contains d.id if some d in cfn.resources("AWS::CloudFront::Distribution")

# The cache behaviors of a CloudFormation distribution as [attribute path,
# what a message calls it, behavior]: the default one and every entry of
# CacheBehaviors.
cfn_behaviors(config) := default_behavior(config) | ordered_behaviors(config)

default_behavior(config) := {["Properties.DistributionConfig.DefaultCacheBehavior", "default cache behavior", b] |
	b := config.DefaultCacheBehavior
	is_object(b)
}

ordered_behaviors(config) := {[sprintf("Properties.DistributionConfig.CacheBehaviors[%d]", [i]), sprintf("cache behavior %v", [object.get(b, "PathPattern", i)]), b] |
	some i, b in config.CacheBehaviors
	is_object(b)
}

deny contains {"msg": msg, "resource": d.id, "attribute": attribute} if {
	some d in cfn.resources("AWS::CloudFront::Distribution")
	config := object.get(d.props, "DistributionConfig", {})
	is_object(config)
	some [path, what, b] in cfn_behaviors(config)
	some policy in cfn.branches(object.get(b, "ViewerProtocolPolicy", null))
	policy == "allow-all"
	attribute := concat(".", [path, "ViewerProtocolPolicy"])
	msg := sprintf("CloudFront distribution %s serves plain HTTP (%s)", [d.id, what])
}
