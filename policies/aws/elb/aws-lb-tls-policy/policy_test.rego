package assure.aws.lb_tls_policy_test

import data.assure.aws.lb_tls_policy as tls
import rego.v1

test_default_and_old_policies_fail if {
	count(tls.deny) == 1 with input as {"resource": {"aws_lb_listener": {"l": [{"protocol": "HTTPS"}]}}}
	count(tls.deny) == 1 with input as {"resource": {"aws_lb_listener": {"l": [{"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"}]}}}
}

test_current_policy_passes if {
	count(tls.deny) == 0 with input as {"resource": {"aws_lb_listener": {"l": [{"protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"}]}}}
	count(tls.resources) == 0 with input as {"resource": {"aws_lb_listener": {"l": [{"protocol": "HTTP"}]}}}
}
