# METADATA
# title: OpenSearch domains accept HTTPS only
# description: >-
#   A domain that does not enforce HTTPS answers plain HTTP requests, so
#   queries, documents and credentials cross the network in clear text.
# custom:
#   id: aws-opensearch-enforce-https
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain]
#   remediation: Add domain_endpoint_options { enforce_https = true } (DomainEndpointOptions.EnforceHTTPS in CloudFormation).
#   rationale:
#     CC6.7: Requests to the domain over plain HTTP transmit data without the encryption in transit the criterion requires.
#     ITGC-LA-3: Financial data sent to or read from the domain is not protected from interception or change in transit.
#   limitations: >-
#     A domain without domain_endpoint_options is judged to accept HTTP, the
#     service default; inside the block the provider defaults enforce_https to
#     true. Values unknown before apply or from template parameters are not
#     judged.
package assure.aws.opensearch_enforce_https

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_domains contains d if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
}

resources contains d.id if some d in tf_domains

unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

# Without the block the service does not enforce HTTPS; inside the block the
# provider defaults enforce_https to true.
https_value(body) := object.get(tf.block(body, "domain_endpoint_options"), "enforce_https", true) if {
	tf.block(body, "domain_endpoint_options") != {}
} else := false

deny contains {"msg": msg, "resource": d.id, "attribute": "domain_endpoint_options.enforce_https"} if {
	some d in tf_domains
	v := https_value(d.body)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s accepts plain HTTP (enforce_https is off, or domain_endpoint_options is not set)", [d.id])
}

cfn_domains contains r if {
	some t in ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_domains

cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.DomainEndpointOptions.EnforceHTTPS"} if {
	some r in cfn_domains
	v := object.get(object.get(r.props, "DomainEndpointOptions", {}), "EnforceHTTPS", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("domain %s accepts plain HTTP", [r.id])
}
