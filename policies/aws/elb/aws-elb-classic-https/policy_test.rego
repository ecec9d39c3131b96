package assure.aws.elb_classic_https_test

import data.assure.aws.elb_classic_https as p
import rego.v1

elb(listeners) := {"resource": {"aws_elb": {"web": [{"listener": listeners}]}}}

listener(protocol, port) := {"instance_port": 8080, "instance_protocol": "http", "lb_port": port, "lb_protocol": protocol}

test_plain_listeners_fail if {
	count(p.deny) == 1 with input as elb([listener("http", 80)])
	count(p.deny) == 1 with input as elb([listener("TCP", 5432)])
	count(p.deny) == 2 with input as elb([listener("http", 80), listener("https", 443), listener("tcp", 25)])
}

test_tls_listeners_pass if {
	count(p.deny) == 0 with input as elb([listener("https", 443), listener("ssl", 8443)])
	count(p.deny) == 0 with input as elb([listener("${var.protocol}", 443)])
	count(p.deny) == 0 with input as {"resource": {"aws_elb": {"web": [{"listener": "${var.listeners}"}]}}}
	count(p.resources) == 1 with input as elb([])
}

cfn_elb(listeners) := {"Resources": {"L": {"Type": "AWS::ElasticLoadBalancing::LoadBalancer", "Properties": {"Listeners": listeners}}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_elb([{"LoadBalancerPort": "80", "InstancePort": "80", "Protocol": "HTTP"}])
	count(p.deny) == 0 with input as cfn_elb([{"LoadBalancerPort": "443", "InstancePort": "80", "Protocol": "HTTPS", "SSLCertificateId": {"Ref": "Cert"}}])
	count(p.deny) == 0 with input as cfn_elb([{"LoadBalancerPort": "443", "InstancePort": "80", "Protocol": {"Ref": "Protocol"}}])
}
