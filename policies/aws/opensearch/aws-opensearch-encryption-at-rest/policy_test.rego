package assure.aws.opensearch_encryption_at_rest_test

import data.assure.aws.opensearch_encryption_at_rest as p
import rego.v1

domain(body) := {"resource": {"aws_opensearch_domain": {"d": [body]}}}

test_missing_or_disabled_fails if {
	count(p.deny) == 1 with input as domain({})
	count(p.deny) == 1 with input as domain({"encrypt_at_rest": [{"enabled": false}]})
	count(p.deny) == 1 with input as {"resource": {"aws_elasticsearch_domain": {"d": [{}]}}}
}

test_enabled_passes if {
	count(p.deny) == 0 with input as domain({"encrypt_at_rest": [{"enabled": true}]})
	count(p.deny) == 0 with input as domain({"encrypt_at_rest": [{"enabled": "true", "kms_key_id": "${aws_kms_key.k.arn}"}]})
}

test_unknown_is_not_judged if {
	count(p.deny) == 0 with input as domain({"encrypt_at_rest": [{"enabled": "${var.encrypt}"}]})
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {}}}}
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": false}}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": true}}}}}
	count(p.deny) == 0 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": {"Ref": "Encrypt"}}}}}}
	count(p.deny) == 1 with input as {"Resources": {"D": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"EncryptionAtRestOptions": {"Enabled": {"Fn::If": ["Prod", true, false]}}}}}}
}
