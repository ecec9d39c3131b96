# METADATA
# title: ElastiCache replication groups encrypt data at rest
# description: >-
#   Without encryption at rest, cached data spilled to disk, backups and
#   snapshots of a Redis or Valkey replication group are stored in
#   clear.
# custom:
#   id: aws-elasticache-at-rest-encryption
#   severity: medium
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_elasticache_replication_group, AWS::ElastiCache::ReplicationGroup]
#   remediation: >-
#     Set at_rest_encryption_enabled = true (AtRestEncryptionEnabled
#     in CloudFormation), with a customer-managed kms_key_id for
#     confidential data.
#   rationale:
#     CC6.1: Encryption at rest is the logical protection of stored information that the criterion expects, and the cache lacks it.
#     C1.1: Confidential data in the cache is not protected on disk, in snapshots or in backups.
#     ITGC-LA-3: Financial data at rest in the cache is not protected from disclosure or tampering outside the service.
#   limitations: >-
#     The setting is judged off when absent, the default of the Redis
#     engine in the provider and CloudFormation (Valkey and newer
#     provider versions may turn it on); a value unknown before apply
#     or from a template parameter is not judged.
package assure.aws.elasticache_at_rest_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_targets contains r if {
	some t in ["aws_elasticache_replication_group"]
	some r in tf.resources(t)
}

resources contains r.id if some r in tf_targets

# An expression Terraform resolves only at apply time: not judged.
unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

deny contains {"msg": msg, "resource": r.id, "attribute": "at_rest_encryption_enabled"} if {
	some r in tf_targets
	v := object.get(r.body, "at_rest_encryption_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not encrypt data at rest (at_rest_encryption_enabled is false or not set)", [r.id])
}

cfn_targets contains r if {
	some t in ["AWS::ElastiCache::ReplicationGroup"]
	some r in cfn.resources(t)
}

resources contains r.id if some r in cfn_targets

# A value from a parameter or another intrinsic function (not !If) is
# unknown to the template: not judged.
cfn_unknown(v) if {
	is_object(v)
	not v["Fn::If"]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.AtRestEncryptionEnabled"} if {
	some r in cfn_targets
	v := object.get(r.props, "AtRestEncryptionEnabled", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("replication group %s does not encrypt data at rest", [r.id])
}
