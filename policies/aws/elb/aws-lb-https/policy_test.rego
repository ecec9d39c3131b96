package assure.aws.lb_https_test

import data.assure.aws.lb_https as https
import rego.v1

test_http_forward_fails if {
	l := {"port": 80, "protocol": "HTTP", "default_action": [{"type": "forward"}]}
	count(https.deny) == 1 with input as {"resource": {"aws_lb_listener": {"web": [l]}}}
}

test_https_and_redirects_pass if {
	count(https.deny) == 0 with input as {"resource": {"aws_lb_listener": {"web": [{"protocol": "HTTPS"}]}}}
	r := {"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]}
	count(https.deny) == 0 with input as {"resource": {"aws_lb_listener": {"web": [r]}}}
}

test_cloudformation if {
	count(https.deny) == 1 with input as {"Resources": {"L": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"Protocol": "HTTP", "DefaultActions": [{"Type": "forward"}]}}}}
}
