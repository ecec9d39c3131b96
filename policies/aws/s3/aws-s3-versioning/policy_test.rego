package assure.aws.s3_versioning_test

import data.assure.aws.s3_versioning as v
import rego.v1

test_unversioned_fails if {
	count(v.deny) == 1 with input as {"resource": {"aws_s3_bucket": {"b": [{}]}}}
}

test_inline_and_sibling_versioning_pass if {
	count(v.deny) == 0 with input as {"resource": {"aws_s3_bucket": {"b": [{"versioning": [{"enabled": true}]}]}}}
	sibling := {"aws_s3_bucket_versioning": {"b": [{"bucket": "${aws_s3_bucket.b.id}", "versioning_configuration": [{"status": "Enabled"}]}]}}
	count(v.deny) == 0 with input as {"resource": object.union({"aws_s3_bucket": {"b": [{}]}}, sibling)}
}

test_suspended_fails if {
	sibling := {"aws_s3_bucket_versioning": {"b": [{"bucket": "${aws_s3_bucket.b.id}", "versioning_configuration": [{"status": "Suspended"}]}]}}
	count(v.deny) == 1 with input as {"resource": object.union({"aws_s3_bucket": {"b": [{}]}}, sibling)}
}

test_cloudformation if {
	count(v.deny) == 1 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}
	count(v.deny) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": "Enabled"}}}}}
}
