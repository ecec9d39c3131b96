package assure.aws.opensearch_node_to_node_encryption_test

import data.assure.aws.opensearch_node_to_node_encryption as p
import rego.v1

test_terraform_setting if {
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": false}]}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": "false"}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": true}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": "true"}]}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_elasticsearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": false}]}]}}}
}

test_terraform_default if {
	count(p.deny) == 1 with input as {"resource": {"aws_opensearch_domain": {"x": [{}]}}}
	count(p.resources) == 1 with input as {"resource": {"aws_opensearch_domain": {"x": [{}]}}}
}

test_terraform_unknown_is_not_judged if {
	count(p.deny) == 0 with input as {"resource": {"aws_opensearch_domain": {"x": [{"node_to_node_encryption": [{"enabled": "${var.setting}"}]}]}}}
}

test_cloudformation_setting if {
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": false}}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": true}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::OpenSearchService::Domain", "Properties": {}}}}
	count(p.deny) == 0 with input as {"Resources": {"X": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": {"Ref": "Setting"}}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": {"Fn::If": ["Prod", true, false]}}}}}}
	count(p.deny) == 1 with input as {"Resources": {"X": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": false}}}}}
}
