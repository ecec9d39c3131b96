package assure.aws.s3_public_access_block_test

import data.assure.aws.s3_public_access_block as pab
import rego.v1

bucket := {"aws_s3_bucket": {"b": [{"bucket": "b"}]}}

block(values) := {"aws_s3_bucket_public_access_block": {"b": [object.union({"bucket": "${aws_s3_bucket.b.id}"}, values)]}}

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_missing_block_fails if {
	count(pab.deny) == 1 with input as {"resource": bucket}
}

test_complete_block_passes if {
	count(pab.deny) == 0 with input as {"resource": object.union(bucket, block(all_on))}
}

test_partial_block_fails_per_setting if {
	partial := object.union(all_on, {"ignore_public_acls": false, "restrict_public_buckets": "${var.x}"})
	count(pab.deny) == 2 with input as {"resource": object.union(bucket, block(partial))}
}

test_cloudformation_needs_all_four if {
	props := {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": "true", "RestrictPublicBuckets": true}}
	count(pab.deny) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": props}}}
	count(pab.deny) == 4 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}
}
