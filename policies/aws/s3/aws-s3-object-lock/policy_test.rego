package assure.aws.s3_object_lock_test

import data.assure.aws.s3_object_lock as lock
import rego.v1

records := {"aws_s3_bucket": {"ledger": [{"object_lock_enabled": true, "tags": {"Records": "financial"}}]}}

test_records_bucket_without_lock_fails if {
	count(lock.deny) == 1 with input as {"resource": records}
}

test_records_bucket_with_retention_passes if {
	conf := {"aws_s3_bucket_object_lock_configuration": {"ledger": [{"bucket": "${aws_s3_bucket.ledger.id}", "rule": [{"default_retention": [{"mode": "COMPLIANCE", "years": 7}]}]}]}}
	count(lock.deny) == 0 with input as {"resource": object.union(records, conf)}
}

test_other_buckets_are_not_examined if {
	count(lock.resources) == 0 with input as {"resource": {"aws_s3_bucket": {"web": [{"tags": {"Team": "web"}}]}}}
}

test_cloudformation if {
	bucket := {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "Retention", "Value": "7y"}]}}
	count(lock.deny) == 1 with input as {"Resources": {"B": bucket}}
	locked := object.union(bucket, {"Properties": {"Tags": [{"Key": "Retention", "Value": "7y"}], "ObjectLockEnabled": true, "ObjectLockConfiguration": {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Years": 7}}}}})
	count(lock.deny) == 0 with input as {"Resources": {"B": locked}}
}

test_tags_from_expressions_do_not_error if {
	count(lock.resources) == 0 with input as {"resource": {"aws_s3_bucket": {"b": [{"tags": "${local.tags}"}]}}}
}
