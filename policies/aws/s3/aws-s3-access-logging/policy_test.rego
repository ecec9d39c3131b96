package assure.aws.s3_access_logging_test

import data.assure.aws.s3_access_logging as logging
import rego.v1

test_unlogged_fails if {
	count(logging.deny) == 1 with input as {"resource": {"aws_s3_bucket": {"data": [{}]}}}
}

test_logged_passes_and_log_bucket_is_not_examined if {
	inp := {"resource": {
		"aws_s3_bucket": {"data": [{}], "logs": [{}]},
		"aws_s3_bucket_logging": {"data": [{"bucket": "${aws_s3_bucket.data.id}", "target_bucket": "${aws_s3_bucket.logs.id}"}]},
	}}
	count(logging.deny) == 0 with input as inp
	logging.resources == {"aws_s3_bucket.data"} with input as inp
}

test_cloudformation if {
	count(logging.deny) == 1 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}
	count(logging.deny) == 0 with input as {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"LoggingConfiguration": {"DestinationBucketName": "logs"}}}}}
}
