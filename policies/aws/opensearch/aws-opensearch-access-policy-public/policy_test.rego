package assure.aws.opensearch_access_policy_public_test

import data.assure.aws.opensearch_access_policy_public as p
import rego.v1

open := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "arn:aws:es:eu-west-1:111122223333:domain/logs/*"}]}`

by_ip := `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:ESHttpGet", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}}]}`

test_public_domain_with_open_policy_fails if {
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain": {"d": [{"access_policies": open}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_elasticsearch_domain": {"d": [{"access_policies": open}]}}}
}

test_vpc_fgac_and_conditioned_domains_pass if {
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"d": [{"access_policies": open, "vpc_options": [{"subnet_ids": ["${aws_subnet.a.id}"]}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"d": [{"access_policies": open, "advanced_security_options": [{"enabled": true}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"d": [{"access_policies": by_ip}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"d": [{"domain_name": "no-policy"}]}}}
}

test_domain_policy_resource_follows_its_domain if {
	ds := {"statement": [{"actions": ["es:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]}
	pol := {"domain_name": "${aws_elasticsearch_domain.d.domain_name}", "access_policies": "${data.aws_iam_policy_document.p.json}"}
	public := {"resource": {"aws_elasticsearch_domain": {"d": [{"domain_name": "d"}]}, "aws_elasticsearch_domain_policy": {"p": [pol]}}, "data": {"aws_iam_policy_document": {"p": [ds]}}}
	in_vpc := {"resource": {"aws_elasticsearch_domain": {"d": [{"vpc_options": [{"subnet_ids": ["s-1"]}]}]}, "aws_elasticsearch_domain_policy": {"p": [pol]}}, "data": {"aws_iam_policy_document": {"p": [ds]}}}
	count(p.deny) == 1 with input as public
	count(p.deny) == 0 with input as in_vpc
}

test_unknown_policy_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain_policy": {"p": [{"access_policies": "${jsonencode(local.p)}"}]}}}
}

test_cloudformation_domains if {
	doc := json.unmarshal(open)
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"AccessPolicies": doc}}}}
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"AccessPolicies": doc}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"AccessPolicies": doc, "VPCOptions": {"SubnetIds": [{"Ref": "S"}]}}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"AccessPolicies": doc, "AdvancedSecurityOptions": {"Enabled": true}}}}}
}

test_policy_resources_without_policy_do_not_hide_others if {
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain_policy": {"a": [{"domain_name": "x"}], "b": [{"access_policies": open}]}}}
}
