package assure.aws.apigateway_tls_policy_test

import data.assure.aws.apigateway_tls_policy as p
import rego.v1

domain(body) := {"resource": {"aws_api_gateway_domain_name": {"api": [object.union({"domain_name": "api.example.com"}, body)]}}}

test_default_or_tls10_fails if {
	count(p.deny) == 1 with input as domain({})
	count(p.deny) == 1 with input as domain({"security_policy": "TLS_1_0"})
}

test_tls12_passes if {
	count(p.deny) == 0 with input as domain({"security_policy": "TLS_1_2"})
	count(p.deny) == 0 with input as domain({"security_policy": "SecurityPolicy_TLS13_1_3_2025_09"})
	count(p.deny) == 0 with input as domain({"security_policy": "${var.tls_policy}"})
}

cfn_domain(props) := {"Resources": {"D": {"Type": "AWS::ApiGateway::DomainName", "Properties": object.union({"DomainName": "api.example.com"}, props)}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_domain({})
	count(p.deny) == 1 with input as cfn_domain({"SecurityPolicy": "TLS_1_0"})
	count(p.deny) == 0 with input as cfn_domain({"SecurityPolicy": "TLS_1_2"})
	count(p.deny) == 0 with input as cfn_domain({"SecurityPolicy": {"Ref": "Tls"}})
}
