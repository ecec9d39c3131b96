# METADATA
# title: Redshift clusters encrypt data at rest
# description: >-
#   An unencrypted Redshift cluster keeps the warehouse's tables,
#   backups and snapshots in clear; changing it later means a migration.
# custom:
#   id: aws-redshift-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_redshift_cluster, AWS::Redshift::Cluster]
#   remediation: >-
#     Set encrypted = true (Encrypted in CloudFormation), with a
#     customer-managed kms_key_id for confidential data.
#   rationale:
#     CC6.1: Encryption at rest is the logical protection of stored information that the criterion expects, and the data warehouse lacks it.
#     C1.1: Confidential data in the data warehouse is not protected on disk, in snapshots or in backups.
#     ITGC-LA-3: Financial data at rest in the data warehouse is not protected from disclosure or tampering outside the service.
#   limitations: >-
#     A cluster without the setting is judged unencrypted, the
#     documented default of CloudFormation and of AWS provider
#     versions before 6, though AWS now encrypts new clusters by
#     default; a value unknown before apply or from a template
#     parameter is not judged.
package assure.aws.redshift_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_redshift_cluster"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "encrypted"} if {
	some r in tf_targets
	v := object.get(r.body, "encrypted", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not encrypt data at rest (encrypted is false or not set)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::Redshift::Cluster"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.Encrypted"} if {
	some r in cfn_targets
	v := object.get(r.props, "Encrypted", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("Redshift cluster %s does not encrypt data at rest", [r.id])
}
