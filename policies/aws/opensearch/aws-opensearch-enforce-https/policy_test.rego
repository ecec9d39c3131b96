package assure.aws.opensearch_enforce_https_test

import data.assure.aws.opensearch_enforce_https as p
import rego.v1

domain(body) := {"resource": {"aws_opensearch_domain": {"d": [body]}}}

test_missing_block_or_disabled_fails if {
	count(p.deny) == 1 with input as domain({})
	count(p.deny) == 1 with input as domain({"domain_endpoint_options": [{"enforce_https": false}]})
	count(p.deny) == 1 with input as {"resource": {"aws_elasticsearch_domain": {"d": [{"domain_endpoint_options": [{"enforce_https": "false"}]}]}}}
}

test_enforced_passes if {
	count(p.deny) == 0 with input as domain({"domain_endpoint_options": [{"enforce_https": true}]})
	count(p.deny) == 0 with input as domain({"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})
}

test_unknown_is_not_judged if {
	count(p.deny) == 0 with input as domain({"domain_endpoint_options": [{"enforce_https": "${var.https}"}]})
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {}}}}
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": false}}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": true}}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": {"Ref": "Https"}}}}}}
}
