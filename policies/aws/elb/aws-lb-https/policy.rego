# METADATA
# title: Load balancer listeners do not serve plain HTTP
# description: >-
#   A listener on plain HTTP carries credentials and data in clear text
#   unless all it does is redirect to HTTPS.
# custom:
#   id: aws-lb-https
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lb_listener, aws_alb_listener, AWS::ElasticLoadBalancingV2::Listener]
#   remediation: Listen on HTTPS (or TLS), and make any port-80 listener a redirect to HTTPS.
#   rationale:
#     CC6.7: >-
#       A listener that serves plain HTTP instead of redirecting to HTTPS carries
#       credentials and data in clear text.
#     ITGC-LA-3: >-
#       Requests and responses through a plain-HTTP listener can be read or
#       changed by anyone on the network path.
#   limitations: >-
#     Whether the load balancer is internal and whether traffic to its targets is
#     encrypted are not examined; a protocol given by an expression unknown
#     before apply passes.
package assure.aws.lb_https

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

listeners contains l if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some l in tf.resources(t)
}

redirects_to_https(body) if {
	some a in body.default_action
	a.type == "redirect"
	some r in a.redirect
	upper(object.get(r, "protocol", "HTTPS")) == "HTTPS"
}

resources contains l.id if some l in listeners

deny contains {"msg": msg, "resource": l.id, "attribute": "protocol"} if {
	some l in listeners
	upper(object.get(l.body, "protocol", "HTTP")) == "HTTP"
	not redirects_to_https(l.body)
	msg := sprintf("%s serves plain HTTP", [l.id])
}

resources contains l.id if some l in cfn.resources("AWS::ElasticLoadBalancingV2::Listener")

cfn_redirects(props) if {
	some a in props.DefaultActions
	a.Type == "redirect"
	upper(object.get(a.RedirectConfig, "Protocol", "HTTPS")) == "HTTPS"
}

deny contains {"msg": msg, "resource": l.id, "attribute": "Properties.Protocol"} if {
	some l in cfn.resources("AWS::ElasticLoadBalancingV2::Listener")
	upper(object.get(l.props, "Protocol", "HTTP")) == "HTTP"
	not cfn_redirects(l.props)
	msg := sprintf("%s serves plain HTTP", [l.id])
}
