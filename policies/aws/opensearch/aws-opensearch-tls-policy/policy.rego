# METADATA
# title: OpenSearch domains require TLS 1.2 or later
# description: >-
#   The service's default endpoint policy still accepts TLS 1.0 and 1.1,
#   whose known weaknesses let an attacker on the path downgrade and read
#   traffic; a TLS 1.2 policy refuses them.
# custom:
#   id: aws-opensearch-tls-policy
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain]
#   remediation: Set domain_endpoint_options tls_security_policy (TLSSecurityPolicy in CloudFormation) to Policy-Min-TLS-1-2-PFS-2023-10 or Policy-Min-TLS-1-2-2019-07.
#   rationale:
#     CC6.7: Accepting deprecated TLS versions weakens the encryption in transit the criterion requires.
#     ITGC-LA-3: Financial data in transit to the domain can be exposed through a protocol downgrade.
#   limitations: >-
#     A domain without a TLS policy is judged to accept TLS 1.0, the service
#     default; values unknown before apply or from template parameters are not
#     judged. Whether HTTPS is enforced at all is aws-opensearch-enforce-https.
package assure.aws.opensearch_tls_policy

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Policies whose minimum is TLS 1.2 (Policy-Min-TLS-1-2-2019-07,
# Policy-Min-TLS-1-2-PFS-2023-10, and later ones named the same way).
modern(policy) if {
	is_string(policy)
	startswith(policy, "Policy-Min-TLS-1-2")
}

tf_domains contains d if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
}

resources contains d.id if some d in tf_domains

unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": d.id, "attribute": "domain_endpoint_options.tls_security_policy"} if {
	some d in tf_domains
	v := object.get(tf.block(d.body, "domain_endpoint_options"), "tls_security_policy", "Policy-Min-TLS-1-0-2019-07")
	not modern(v)
	not unknown(v)
	msg := sprintf("%s accepts TLS versions before 1.2 (policy %v)", [d.id, v])
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

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.DomainEndpointOptions.TLSSecurityPolicy"} if {
	some r in cfn_domains
	v := object.get(object.get(r.props, "DomainEndpointOptions", {}), "TLSSecurityPolicy", "Policy-Min-TLS-1-0-2019-07")
	not cfn_unknown(v)
	some b in cfn.branches(v)
	not modern(b)
	msg := sprintf("domain %s accepts TLS versions before 1.2 (policy %v)", [r.id, b])
}
