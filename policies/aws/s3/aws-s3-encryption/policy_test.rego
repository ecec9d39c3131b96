package assure.aws.s3_encryption_test

import data.assure.aws.s3_encryption
import rego.v1

bucket(body) := {"resource": {"aws_s3_bucket": {"logs": [body]}}}

test_unencrypted_bucket_fails if {
	count(s3_encryption.deny) == 1 with input as bucket({"bucket": "logs"})
}

test_inline_encryption_passes if {
	enc := {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]}
	count(s3_encryption.deny) == 0 with input as bucket({"server_side_encryption_configuration": [enc]})
}

test_sibling_v4_resource_passes if {
	inp := {"resource": {
		"aws_s3_bucket": {"logs": [{"bucket": "logs"}]},
		"aws_s3_bucket_server_side_encryption_configuration": {"logs": [{
			"bucket": "${aws_s3_bucket.logs.id}",
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
		}]},
	}}
	count(s3_encryption.deny) == 0 with input as inp
	s3_encryption.resources == {"aws_s3_bucket.logs"} with input as inp
}

test_sibling_for_another_bucket_does_not_count if {
	inp := {"resource": {
		"aws_s3_bucket": {"logs": [{"bucket": "logs"}]},
		"aws_s3_bucket_server_side_encryption_configuration": {"other": [{
			"bucket": "${aws_s3_bucket.other.id}",
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}],
		}]},
	}}
	count(s3_encryption.deny) == 1 with input as inp
}

test_cloudformation if {
	bad := {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {}}}}
	count(s3_encryption.deny) == 1 with input as bad
	good := {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}}}}
	count(s3_encryption.deny) == 0 with input as good
}

enc(alg) := [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": alg}}]

test_cloudformation_conditions if {
	both := {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": {"Fn::If": ["P", enc("aws:kms"), enc("AES256")]}}}}}}
	count(s3_encryption.deny) == 0 with input as both
	one := {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": {"Fn::If": ["P", enc("aws:kms"), {"Ref": "AWS::NoValue"}]}}}}}}
	count(s3_encryption.deny) == 1 with input as one
}

test_module_style_for_each_sibling_passes if {
	inp := {"resource": {
		"aws_s3_bucket": {"this": [{"for_each": "${toset(var.buckets)}", "bucket": "${each.key}"}]},
		"aws_s3_bucket_server_side_encryption_configuration": {"this": [{
			"for_each": "${aws_s3_bucket.this}",
			"bucket": "${each.value.id}",
			"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}],
		}]},
	}}
	count(s3_encryption.deny) == 0 with input as inp
}
