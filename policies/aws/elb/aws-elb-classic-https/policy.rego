# METADATA
# title: Classic load balancer listeners use HTTPS or SSL
# description: >-
#   A Classic Load Balancer listener on HTTP or TCP carries requests, cookies
#   and credentials from clients in clear text, readable and changeable by
#   anyone on the network path.
# custom:
#   id: aws-elb-classic-https
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_elb, AWS::ElasticLoadBalancing::LoadBalancer]
#   remediation: >-
#     Serve clients with HTTPS or SSL listeners and a certificate
#     (ssl_certificate_id, SSLCertificateId in CloudFormation), or move to an
#     Application or Network Load Balancer with TLS listeners.
#   rationale:
#     CC6.7: A listener without TLS transmits data to and from clients without the encryption in transit the criterion requires.
#     ITGC-LA-3: Financial data sent through the load balancer is not protected from interception or change in transit.
#   limitations: >-
#     A TCP listener passing TLS through to instances that terminate it is
#     flagged and should be waived; an HTTP listener kept only to redirect is
#     flagged too, since Classic Load Balancers cannot redirect. Protocols
#     unknown before apply are not judged.
package assure.aws.elb_classic_https

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

clear_protocols := {"http", "tcp"}

resources contains lb.id if some lb in tf.resources("aws_elb")

deny contains {"msg": msg, "resource": lb.id, "attribute": attr} if {
	some lb in tf.resources("aws_elb")
	is_array(lb.body.listener)
	some n, l in lb.body.listener
	protocol := lower(sprintf("%v", [object.get(l, "lb_protocol", "")]))
	protocol in clear_protocols
	attr := sprintf("listener[%d]", [n])
	msg := sprintf("%s listens on %s port %v without TLS", [lb.id, upper(protocol), object.get(l, "lb_port", "?")])
}

resources contains lb.id if some lb in cfn.resources("AWS::ElasticLoadBalancing::LoadBalancer")

deny contains {"msg": msg, "resource": lb.id, "attribute": attr} if {
	some lb in cfn.resources("AWS::ElasticLoadBalancing::LoadBalancer")
	is_array(lb.props.Listeners)
	some n, l in lb.props.Listeners
	some b in cfn.branches(object.get(l, "Protocol", ""))
	protocol := lower(sprintf("%v", [b]))
	protocol in clear_protocols
	attr := sprintf("Properties.Listeners[%d].Protocol", [n])
	msg := sprintf("load balancer %s listens on %s port %v without TLS", [lb.id, upper(protocol), object.get(l, "LoadBalancerPort", "?")])
}
