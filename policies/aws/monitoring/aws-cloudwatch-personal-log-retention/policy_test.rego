package assure.aws.cloudwatch_personal_log_retention_test

import data.assure.aws.cloudwatch_personal_log_retention as c
import rego.v1

group(body) := {"resource": {"aws_cloudwatch_log_group": {"g": [object.union({"name": "/app/signups", "tags": {"DataClassification": "PII"}}, body)]}}}

# A log group with these tags only (object.union would merge tag maps).
tagged(tags) := {"resource": {"aws_cloudwatch_log_group": {"g": [{"name": "/app/signups", "tags": tags}]}}}

# ---- Terraform ------------------------------------------------------------

test_personal_group_without_retention_fails if {
	count(c.deny) == 1 with input as group({})
	count(c.deny) == 1 with input as group({"retention_in_days": null})
	count(c.deny) == 1 with input as tagged({"data_classification": "personal", "Team": "growth"})
	some f in c.deny with input as group({})
	f.resource == "aws_cloudwatch_log_group.g"
	f.attribute == "retention_in_days"
	f.msg == "log group g is classified PII but sets no retention period (logs are kept forever)"
}

test_zero_retention_fails if {
	count(c.deny) == 1 with input as group({"retention_in_days": 0})
	count(c.deny) == 1 with input as group({"retention_in_days": "0"})
	some f in c.deny with input as group({"retention_in_days": 0})
	f.msg == "log group g is classified PII but sets retention_in_days to 0 (logs are kept forever)"
}

test_retention_period_passes if {
	count(c.deny) == 0 with input as group({"retention_in_days": 30})
	count(c.deny) == 0 with input as group({"retention_in_days": 3653})
	count(c.deny) == 0 with input as group({"retention_in_days": "90"})
	c.resources == {"aws_cloudwatch_log_group.g"} with input as group({"retention_in_days": 30})
}

test_unknown_retention_is_not_judged if {
	count(c.deny) == 0 with input as group({"retention_in_days": "${var.log_retention_days}"})
	count(c.deny) == 0 with input as group({"retention_in_days": "${local.retention[var.env]}"})
}

test_unclassified_groups_are_not_targets if {
	count(c.resources) == 0 with input as tagged({"DataClassification": "internal"})
	count(c.resources) == 0 with input as tagged({"DataClassification": "confidential"})
	count(c.resources) == 0 with input as tagged({"DataClassification": "non-pii"})
	count(c.resources) == 0 with input as tagged({"Team": "pii", "Name": "signups"})
	count(c.resources) == 0 with input as tagged("${var.tags}")
	count(c.resources) == 0 with input as tagged("${merge(local.tags, {DataClassification = \"pii\"})}")
	count(c.resources) == 0 with input as {"resource": {"aws_cloudwatch_log_group": {"g": [{"name": "/app"}]}}}
	count(c.deny) == 0 with input as {"resource": {"aws_cloudwatch_log_group": {"g": [{"name": "/app"}]}}}
}

test_unknown_tag_value_is_not_judged if {
	count(c.resources) == 0 with input as tagged({"DataClassification": "${var.classification}"})
}

# ---- CloudFormation -------------------------------------------------------

tpl(props) := {"Resources": {"G": {"Type": "AWS::Logs::LogGroup", "Properties": object.union({"LogGroupName": "/app/signups", "Tags": [{"Key": "DataClassification", "Value": "pii"}]}, props)}}}

test_cloudformation_without_retention_fails if {
	count(c.deny) == 1 with input as tpl({})
	some f in c.deny with input as tpl({})
	f.resource == "G"
	f.attribute == "Properties"
	f.msg == "log group G is classified pii but sets no retention period (logs are kept forever)"
}

test_cloudformation_retention_passes if {
	count(c.deny) == 0 with input as tpl({"RetentionInDays": 365})
	count(c.deny) == 0 with input as tpl({"RetentionInDays": {"Ref": "RetentionDays"}})
	count(c.deny) == 0 with input as tpl({"RetentionInDays": {"Fn::If": ["IsProd", 365, 30]}})
	c.resources == {"G"} with input as tpl({"RetentionInDays": 365})
}

test_cloudformation_condition_removing_retention_fails if {
	days := {"Fn::If": ["IsProd", 365, {"Ref": "AWS::NoValue"}]}
	count(c.deny) == 1 with input as tpl({"RetentionInDays": days})
	some f in c.deny with input as tpl({"RetentionInDays": days})
	f.attribute == "Properties.RetentionInDays"
}

test_cloudformation_unclassified_groups_are_not_targets if {
	count(c.resources) == 0 with input as tpl({"Tags": [{"Key": "DataClassification", "Value": "public"}]})
	count(c.resources) == 0 with input as tpl({"Tags": [{"Key": "DataClassification", "Value": {"Ref": "Classification"}}]})
	count(c.resources) == 0 with input as tpl({"Tags": {"Ref": "Tags"}})
	count(c.resources) == 0 with input as {"Resources": {"G": {"Type": "AWS::Logs::LogGroup"}}}
	count(c.deny) == 0 with input as {"Resources": {"G": {"Type": "AWS::Logs::LogGroup"}}}
}
