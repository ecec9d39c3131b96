# METADATA
# title: Load balancer listeners use a current TLS policy
# description: >-
#   Security policies that still allow TLS 1.0 or 1.1 (the old
#   ELBSecurityPolicy-2016-08 default among them) accept protocol versions
#   with known weaknesses.
# custom:
#   id: aws-lb-tls-policy
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lb_listener, aws_alb_listener, AWS::ElasticLoadBalancingV2::Listener]
#   remediation: Use ELBSecurityPolicy-TLS13-1-2-2021-06 (or another TLS 1.2+ policy) as ssl_policy.
#   rationale:
#     CC6.7: >-
#       A security policy that still accepts TLS 1.0 or 1.1 lets clients
#       negotiate protocol versions with known weaknesses, below the minimum TLS
#       version CC6.7 expects.
#     ITGC-LA-3: >-
#       Data in transit protected only by TLS 1.0 or 1.1 is exposed to downgrade
#       and to the known attacks on those versions.
#   limitations: >-
#     Only the AWS-managed policy names the control lists are recognised as
#     outdated; a policy given by an expression unknown before apply, or a name
#     not in the list, passes.
package assure.aws.lb_tls_policy

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Policies that allow TLS 1.0 or 1.1.
outdated := {
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS13-1-0-2021-06",
	"ELBSecurityPolicy-TLS13-1-1-2021-06",
}

tls_listeners contains l if {
	some t in ["aws_lb_listener", "aws_alb_listener"]
	some l in tf.resources(t)
	upper(object.get(l.body, "protocol", "HTTP")) in {"HTTPS", "TLS"}
}

resources contains l.id if some l in tls_listeners

deny contains {"msg": msg, "resource": l.id, "attribute": "ssl_policy"} if {
	some l in tls_listeners
	# The provider's default is ELBSecurityPolicy-2016-08.
	policy := object.get(l.body, "ssl_policy", "ELBSecurityPolicy-2016-08")
	policy in outdated
	msg := sprintf("%s uses %s, which allows TLS below 1.2", [l.id, policy])
}

cfn_tls contains l if {
	some l in cfn.resources("AWS::ElasticLoadBalancingV2::Listener")
	upper(object.get(l.props, "Protocol", "HTTP")) in {"HTTPS", "TLS"}
}

resources contains l.id if some l in cfn_tls

deny contains {"msg": msg, "resource": l.id, "attribute": "Properties"} if {
	some l in cfn_tls
	policy := object.get(l.props, "SslPolicy", "ELBSecurityPolicy-2016-08")
	policy in outdated
	msg := sprintf("%s uses %s, which allows TLS below 1.2", [l.id, policy])
}
