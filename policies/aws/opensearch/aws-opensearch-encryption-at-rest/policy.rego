# METADATA
# title: OpenSearch domains encrypt data at rest
# description: >-
#   Without encryption at rest, indexes, logs and automated snapshots sit in
#   clear on the domain's storage, readable by anyone who gets the volumes or
#   the snapshots.
# custom:
#   id: aws-opensearch-encryption-at-rest
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain]
#   remediation: Add encrypt_at_rest { enabled = true } (EncryptionAtRestOptions.Enabled in CloudFormation), with a customer-managed kms_key_id for confidential data.
#   rationale:
#     CC6.1: Encryption at rest is the logical protection of stored information that the criterion expects.
#     C1.1: Confidential data indexed in the domain is not protected on disk or in snapshots without it.
#     ITGC-LA-3: Financial data at rest in the domain is not protected from disclosure or tampering outside the service.
#   limitations: >-
#     A domain with no encrypt_at_rest block is judged by the documented default
#     of the provider and CloudFormation (off), though AWS may turn it on for new
#     domains of recent engine versions; a value unknown before apply is not judged.
package assure.aws.opensearch_encryption_at_rest

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_domains contains d if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in tf.resources(t)
}

resources contains d.id if some d in tf_domains

deny contains {"msg": msg, "resource": d.id, "attribute": "encrypt_at_rest.enabled"} if {
	some d in tf_domains
	enabled := object.get(tf.block(d.body, "encrypt_at_rest"), "enabled", false)
	not tf.is_true(enabled)
	not startswith(sprintf("%v", [enabled]), "${")
	msg := sprintf("%s does not encrypt data at rest (encrypt_at_rest is disabled or not set)", [d.id])
}

cfn_domains contains r if {
	some t in ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_domains

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.EncryptionAtRestOptions.Enabled"} if {
	some r in cfn_domains
	enabled := object.get(object.get(r.props, "EncryptionAtRestOptions", {}), "Enabled", false)
	not cfn.is_true(enabled)
	not cfn_unknown(enabled)
	msg := sprintf("domain %s does not encrypt data at rest", [r.id])
}
