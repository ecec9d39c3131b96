# METADATA
# title: ElastiCache replication groups encrypt traffic in transit
# description: >-
#   Without in-transit encryption, clients and replicas talk to a Redis
#   or Valkey replication group in clear text: cached data, session
#   tokens and AUTH passwords can be read or changed on the network.
# custom:
#   id: aws-elasticache-transit-encryption
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_elasticache_replication_group, AWS::ElastiCache::ReplicationGroup]
#   remediation: >-
#     Set transit_encryption_enabled = true (TransitEncryptionEnabled
#     in CloudFormation) and connect clients with TLS.
#   rationale:
#     CC6.7: Data moving between clients and the cache in clear text is transmitted without the protection the criterion requires.
#     ITGC-LA-3: Financial data read from or written to the cache is not protected from interception or change in transit.
#   limitations: >-
#     The setting is judged off when absent, the default of the
#     provider and CloudFormation; a value unknown before apply or
#     from a template parameter is not judged, nor whether clients
#     actually use TLS (transit_encryption_mode preferred accepts
#     both).
package assure.aws.elasticache_transit_encryption

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

deny contains {"msg": msg, "resource": r.id, "attribute": "transit_encryption_enabled"} if {
	some r in tf_targets
	v := object.get(r.body, "transit_encryption_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("%s does not encrypt traffic in transit (transit_encryption_enabled is false or not set)", [r.id])
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

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.TransitEncryptionEnabled"} if {
	some r in cfn_targets
	v := object.get(r.props, "TransitEncryptionEnabled", false)
	not cfn.is_true(v)
	not cfn_unknown(v)
	msg := sprintf("replication group %s does not encrypt traffic in transit", [r.id])
}
