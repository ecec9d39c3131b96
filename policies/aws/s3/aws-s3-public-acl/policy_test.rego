package assure.aws.s3_public_acl_test

import data.assure.aws.s3_public_acl as acl
import rego.v1

test_public_read_fails if {
	count(acl.deny) == 1 with input as {"resource": {"aws_s3_bucket": {"b": [{"acl": "public-read"}]}}}
	count(acl.deny) == 1 with input as {"resource": {"aws_s3_bucket_acl": {"b": [{"acl": "authenticated-read"}]}}}
}

test_private_passes if {
	count(acl.deny) == 0 with input as {"resource": {"aws_s3_bucket": {"b": [{"acl": "private"}]}}}
}

test_cloudformation if {
	count(acl.deny) == 1 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicReadWrite"}}}}
	count(acl.deny) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "Private"}}}}
}
