# METADATA
# title: OpenSearch domain access policies do not admit everyone
# description: >-
#   A domain reachable from the internet whose access policy allows principal
#   "*" with no condition, and that has no fine-grained access control, lets
#   anyone read, change or delete every index.
# custom:
#   id: aws-opensearch-access-policy-public
#   severity: critical
#   soc2: [CC6.1, CC6.6, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, aws_opensearch_domain_policy, aws_elasticsearch_domain_policy, aws_iam_policy_document, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain]
#   remediation: >-
#     Name the roles that use the domain as principals or narrow the statement
#     with a Condition (aws:SourceIp), or place the domain in a VPC, or enable
#     fine-grained access control so that users must authenticate.
#   rationale:
#     CC6.1: Indexes that anyone can query are not protected by logical access controls.
#     CC6.6: A public domain endpoint open to every principal lets requests through the system boundary unauthenticated.
#     C1.1: Confidential documents in an open domain are not protected from disclosure.
#     ITGC-LA-1: Financial data indexed in the domain is not restricted to authorized, authenticated users.
#   limitations: >-
#     Domains in a VPC (vpc_options) or with fine-grained access control
#     enabled are not judged, as their network or users restrict access.
#     Policies unknown before apply are not judged, any Condition counts as
#     narrowing, and a domain policy resource whose domain is in another
#     module is judged as if the domain were public.
package assure.aws.opensearch_access_policy_public

import data.assure.lib.aws_policy
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# An Allow statement open to everyone ("*", {"AWS": "*"}, the root of any
# account, or a NotPrincipal) with no Condition to narrow it.
open_statement(s) if {
	aws_policy.allows(s)
	aws_policy.admits_everyone(s)
	not aws_policy.conditioned(s)
}

domain_types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

policy_types := ["aws_opensearch_domain_policy", "aws_elasticsearch_domain_policy"]

# A domain whose network or own authentication restricts access.
restricted(body) if {
	vpc := tf.block(body, "vpc_options")
	ids := object.get(vpc, "subnet_ids", [])
	ids != []
}

restricted(body) if tf.is_true(tf.block(body, "advanced_security_options").enabled)

tf_policies contains {"id": d.id, "policy": policy} if {
	some t in domain_types
	some d in tf.resources(t)
	policy := d.body.access_policies
	not restricted(d.body)
}

tf_policies contains {"id": p.id, "policy": policy} if {
	some t in policy_types
	some p in tf.resources(t)
	not restricted_domain(p.body)
	policy := object.get(p.body, "access_policies", "")
}

restricted_domain(body) if {
	some t in domain_types
	some d in tf.resources(t)
	tf.references(object.get(body, "domain_name", ""), t, d.name)
	restricted(d.body)
}

resources contains d.id if {
	some t in array.concat(domain_types, policy_types)
	some d in tf.resources(t)
}

deny contains {"msg": msg, "resource": p.id, "attribute": "access_policies"} if {
	some p in tf_policies
	some s in aws_policy.tf_statements(p.policy)
	open_statement(s)
	msg := sprintf("%s lets any principal reach the domain without a condition", [p.id])
}

cfn_domains contains r if {
	some t in ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_domains

cfn_restricted(props) if props.VPCOptions.SubnetIds

cfn_restricted(props) if cfn.is_true(props.AdvancedSecurityOptions.Enabled)

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.AccessPolicies"} if {
	some r in cfn_domains
	not cfn_restricted(r.props)
	some s in aws_policy.statements(object.get(r.props, "AccessPolicies", {}))
	open_statement(s)
	msg := sprintf("domain %s lets any principal reach it without a condition", [r.id])
}
