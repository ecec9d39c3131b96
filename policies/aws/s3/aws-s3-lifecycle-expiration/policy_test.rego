package assure.aws.s3_lifecycle_expiration_test

import data.assure.aws.s3_lifecycle_expiration as c
import rego.v1

bucket(tags) := {"aws_s3_bucket": {"b": [{"bucket": "b", "tags": tags}]}}

lifecycle(rule) := {"aws_s3_bucket_lifecycle_configuration": {"b": [{"bucket": "${aws_s3_bucket.b.id}", "rule": [rule]}]}}

test_classified_without_expiration_fails if {
	count(c.deny) == 1 with input as {"resource": bucket({"DataClassification": "PII"})}
	count(c.deny) == 1 with input as {"resource": bucket({"data_classification": "Confidential"})}
	count(c.deny) == 1 with input as {"resource": bucket({"DataClassification": "PII", "Sensitivity": "restricted"})}
	count(c.deny) == 1 with input as {"resource": object.union(bucket({"classification": "personal-data"}), lifecycle({"id": "r", "status": "Enabled", "transition": [{"days": 30, "storage_class": "GLACIER"}]}))}
	count(c.deny) == 1 with input as {"resource": object.union(bucket({"Classification": "restricted"}), lifecycle({"id": "r", "status": "Disabled", "expiration": [{"days": 365}]}))}
}

test_expiration_passes if {
	count(c.deny) == 0 with input as {"resource": object.union(bucket({"DataClassification": "pii"}), lifecycle({"id": "r", "status": "Enabled", "expiration": [{"days": 365}]}))}
	count(c.deny) == 0 with input as {"resource": object.union(bucket({"DataClassification": "pii"}), lifecycle({"id": "r", "status": "Enabled", "expiration": [{"days": "${var.retention_days}"}]}))}
	count(c.deny) == 0 with input as {"resource": {"aws_s3_bucket": {"b": [{"tags": {"DataClassification": "pii"}, "lifecycle_rule": [{"enabled": true, "expiration": [{"days": 90}]}]}]}}}
}

test_unclassified_buckets_are_not_targets if {
	count(c.resources) == 0 with input as {"resource": bucket({"DataClassification": "public"})}
	count(c.resources) == 0 with input as {"resource": bucket({"DataClassification": "non-confidential"})}
	count(c.resources) == 0 with input as {"resource": bucket({"Team": "confidential"})}
	count(c.resources) == 0 with input as {"resource": bucket("${local.tags}")}
	count(c.resources) == 0 with input as {"resource": {"aws_s3_bucket": {"b": [{}]}}}
}

test_cloudformation if {
	tagged := {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "DataClassification", "Value": "PII"}]}}
	count(c.deny) == 1 with input as {"Resources": {"B": tagged}}
	rules := {"LifecycleConfiguration": {"Rules": [{"Status": "Enabled", "ExpirationInDays": 365}]}}
	count(c.deny) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": object.union(tagged.Properties, rules)}}}
	count(c.resources) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": "x"}}}}
}

test_unexpanded_dynamic_blocks_pass if {
	count(c.deny) == 0 with input as {"resource": object.union(bucket({"DataClassification": "pii"}), {"aws_s3_bucket_lifecycle_configuration": {"b": [{"bucket": "${aws_s3_bucket.b.id}", "dynamic": {"rule": [{"for_each": "${var.rules}"}]}}]}})}
	count(c.deny) == 0 with input as {"resource": object.union(bucket({"DataClassification": "pii"}), lifecycle({"id": "r", "status": "Enabled", "dynamic": {"expiration": [{"for_each": "${var.exp}"}]}}))}
}
