package assure.aws.cloudfront_https_test

import data.assure.aws.cloudfront_https as cf
import rego.v1

test_allow_all_fails if {
	count(cf.deny) == 1 with input as {"resource": {"aws_cloudfront_distribution": {"d": [{"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]}]}}}
}

test_redirect_passes if {
	count(cf.deny) == 0 with input as {"resource": {"aws_cloudfront_distribution": {"d": [{"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}]}]}}}
}
