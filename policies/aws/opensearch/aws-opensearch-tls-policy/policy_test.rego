package assure.aws.opensearch_tls_policy_test

import data.assure.aws.opensearch_tls_policy as p
import rego.v1

domain(opts) := {"resource": {"aws_opensearch_domain": {"d": [{"domain_endpoint_options": [opts]}]}}}

test_default_and_old_policies_fail if {
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain": {"d": [{}]}}}
	count(p.deny) == 1 with input as domain({"enforce_https": true})
	count(p.deny) == 1 with input as domain({"tls_security_policy": "Policy-Min-TLS-1-0-2019-07"})
}

test_tls12_policies_pass if {
	count(p.deny) == 0 with input as domain({"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"})
	count(p.deny) == 0 with input as domain({"tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"})
}

test_unknown_is_not_judged if {
	count(p.deny) == 0 with input as domain({"tls_security_policy": "${var.tls_policy}"})
}

cfn_domain(v) := {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"DomainEndpointOptions": {"TLSSecurityPolicy": v}}}}}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::Elasticsearch::Domain", "Properties": {}}}}
	count(p.deny) == 1 with input as cfn_domain("Policy-Min-TLS-1-0-2019-07")
	count(p.deny) == 0 with input as cfn_domain("Policy-Min-TLS-1-2-PFS-2023-10")
	count(p.deny) == 0 with input as cfn_domain({"Ref": "TlsPolicy"})
	count(p.deny) == 1 with input as cfn_domain({"Fn::If": ["Legacy", "Policy-Min-TLS-1-0-2019-07", "Policy-Min-TLS-1-2-2019-07"]})
}
