package assure.aws.dynamodb_ttl_test

import data.assure.aws.dynamodb_ttl as c
import rego.v1

table(body) := {"resource": {"aws_dynamodb_table": {"t": [object.union({"name": "t", "tags": {"DataClassification": "PII"}}, body)]}}}

test_personal_table_without_ttl_fails if {
	count(c.deny) == 1 with input as table({})
	count(c.deny) == 1 with input as table({"ttl": [{"enabled": false, "attribute_name": "x"}]})
	count(c.deny) == 1 with input as table({"tags": {"data_classification": "personal", "Sensitivity": "phi"}})
}

test_ttl_passes if {
	count(c.deny) == 0 with input as table({"ttl": [{"enabled": true, "attribute_name": "expires_at"}]})
	count(c.deny) == 0 with input as table({"ttl": [{"enabled": "${var.ttl_enabled}", "attribute_name": "expires_at"}]})
}

test_other_tables_are_not_targets if {
	count(c.resources) == 0 with input as table({"tags": {"DataClassification": "internal"}})
	count(c.resources) == 0 with input as table({"tags": {"DataClassification": "non-pii"}})
	count(c.resources) == 0 with input as table({"tags": "${local.tags}"})
}

tpl(props) := {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": object.union({"Tags": [{"Key": "DataClassification", "Value": "PII"}]}, props)}}}

test_cloudformation if {
	count(c.deny) == 1 with input as tpl({})
	count(c.deny) == 0 with input as tpl({"TimeToLiveSpecification": {"Enabled": true, "AttributeName": "expires_at"}})
	count(c.resources) == 0 with input as {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {}}}}
}

test_unexpanded_dynamic_block_passes if {
	count(c.deny) == 0 with input as table({"dynamic": {"ttl": [{"for_each": "${var.ttl}", "content": [{"enabled": true}]}]}})
}
