# METADATA
# title: CloudFront distributions require HTTPS from viewers
# description: A viewer protocol policy of allow-all serves content, cookies and tokens over plain HTTP.
# custom:
#   id: aws-cloudfront-https
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [aws_cloudfront_distribution]
#   remediation: Set viewer_protocol_policy to redirect-to-https or https-only on every cache behavior.
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
#     TLS version of the viewer certificate are not. Only Terraform is read;
#     distributions defined elsewhere are not seen.
package assure.aws.cloudfront_https

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
