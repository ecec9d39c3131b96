# METADATA
# title: OpenSearch domains encrypt traffic between nodes
# description: >-
#   Without node-to-node encryption, documents and queries cross the
#   network between the cluster's nodes in clear text, where anything on
#   the network path can read or alter them.
# custom:
#   id: aws-opensearch-node-to-node-encryption
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain, AWS::OpenSearchService::Domain, AWS::Elasticsearch::Domain]
#   remediation: >-
#     Add node_to_node_encryption { enabled = true }
#     (NodeToNodeEncryptionOptions.Enabled in CloudFormation).
#   rationale:
#     CC6.7: Data moving between the domain's nodes in clear text is transmitted without the protection the criterion requires.
#     ITGC-LA-3: Financial data in transit inside the cluster is not protected from interception or change.
#   limitations: >-
#     A domain with no node_to_node_encryption block is judged by the
#     documented default (off); a value unknown before apply or from a
#     template parameter is not judged.
package assure.aws.opensearch_node_to_node_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "node_to_node_encryption.enabled"} if {
	some r in tf_targets
	v := object.get(tf.block(r.body, "node_to_node_encryption"), "enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not encrypt traffic between nodes (node_to_node_encryption is disabled or not set)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.NodeToNodeEncryptionOptions.Enabled"} if {
	some r in cfn_targets
	v := object.get(object.get(r.props, "NodeToNodeEncryptionOptions", {}), "Enabled", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("domain %s does not encrypt traffic between nodes", [r.id])
}
