# METADATA
# title: Neptune clusters encrypt storage at rest
# description: >-
#   An unencrypted Neptune cluster keeps its graph data, automated
#   backups and snapshots in clear; encryption can only be chosen when
#   the cluster is created.
# custom:
#   id: aws-neptune-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_neptune_cluster, AWS::Neptune::DBCluster]
#   remediation: >-
#     Set storage_encrypted = true (StorageEncrypted in
#     CloudFormation), with a customer-managed kms_key_arn for
#     confidential data; existing clusters must be restored from an
#     encrypted snapshot copy.
#   rationale:
#     CC6.1: Encryption at rest is the logical protection of stored information that the criterion expects, and the graph database lacks it.
#     C1.1: Confidential data in the graph database is not protected on disk, in snapshots or in backups.
#     ITGC-LA-3: Financial data at rest in the graph database is not protected from disclosure or tampering outside the service.
#   limitations: >-
#     The provider and CloudFormation default to unencrypted storage
#     when the setting is absent, and so does this control; a value
#     unknown before apply or from a template parameter is not judged.
package assure.aws.neptune_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_neptune_cluster"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "storage_encrypted"} if {
	some r in tf_targets
	v := object.get(r.body, "storage_encrypted", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not encrypt storage (storage_encrypted is false or not set)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::Neptune::DBCluster"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.StorageEncrypted"} if {
	some r in cfn_targets
	v := object.get(r.props, "StorageEncrypted", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("Neptune cluster %s does not encrypt storage", [r.id])
}
