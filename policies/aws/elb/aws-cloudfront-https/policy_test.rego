package assure.aws.cloudfront_https_test

import data.assure.aws.cloudfront_https as cf
import rego.v1

test_allow_all_fails if {
	count(cf.deny) == 1 with input as {"resource": {"aws_cloudfront_distribution": {"d": [{"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]}]}}}
}

test_redirect_passes if {
	count(cf.deny) == 0 with input as {"resource": {"aws_cloudfront_distribution": {"d": [{"default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}]}]}}}
}

distribution(config) := {"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": config}}}}

test_cloudformation_default_behavior if {
	cf.deny == {{
		"msg": "CloudFront distribution Cdn serves plain HTTP (default cache behavior)",
		"resource": "Cdn",
		"attribute": "Properties.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy",
	}} with input as distribution({"DefaultCacheBehavior": {"ViewerProtocolPolicy": "allow-all"}})
	count(cf.deny) == 0 with input as distribution({"DefaultCacheBehavior": {"ViewerProtocolPolicy": "redirect-to-https"}})
	cf.resources == {"Cdn"} with input as distribution({"DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"}})
}

test_cloudformation_ordered_behaviors if {
	config := {
		"DefaultCacheBehavior": {"ViewerProtocolPolicy": "https-only"},
		"CacheBehaviors": [
			{"PathPattern": "/static/*", "ViewerProtocolPolicy": "redirect-to-https"},
			{"PathPattern": "/legacy/*", "ViewerProtocolPolicy": "allow-all"},
		],
	}
	[d.attribute | some d in cf.deny] == ["Properties.DistributionConfig.CacheBehaviors[1].ViewerProtocolPolicy"] with input as distribution(config)
}

test_cloudformation_conditions_and_parameters if {
	count(cf.deny) == 1 with input as distribution({"DefaultCacheBehavior": {"ViewerProtocolPolicy": {"Fn::If": ["Dev", "allow-all", "https-only"]}}})
	count(cf.deny) == 0 with input as distribution({"DefaultCacheBehavior": {"ViewerProtocolPolicy": {"Ref": "ViewerPolicy"}}})
}
