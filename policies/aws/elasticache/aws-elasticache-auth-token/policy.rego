# METADATA
# title: ElastiCache replication groups require authentication
# description: >-
#   A Redis or Valkey replication group without an AUTH token or RBAC user
#   group accepts commands from any client that can reach it on the network,
#   including commands that read every key or flush the cache.
# custom:
#   id: aws-elasticache-auth-token
#   severity: high
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_elasticache_replication_group, AWS::ElastiCache::ReplicationGroup]
#   remediation: Set auth_token from a secret (AuthToken in CloudFormation), or attach RBAC users with user_group_ids (UserGroupIds).
#   rationale:
#     CC6.1: A data store that authenticates no one relies on network location alone, not on logical access control.
#     ITGC-LA-1: Anyone with network access to the cache can read or change the financial data it holds without authenticating.
#   limitations: >-
#     Only groups with transit encryption on are judged, since AUTH requires
#     it (groups without it fail aws-elasticache-transit-encryption); tokens
#     or user groups attached outside the template, or whose value is unknown,
#     count as set.
package assure.aws.elasticache_auth_token

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_elasticache_replication_group")

authenticated(body) if body.auth_token

authenticated(body) if {
	ids := body.user_group_ids
	ids != []
}

deny contains {"msg": msg, "resource": r.id, "attribute": "auth_token"} if {
	some r in tf.resources("aws_elasticache_replication_group")
	tf.is_true(object.get(r.body, "transit_encryption_enabled", false))
	not authenticated(r.body)
	msg := sprintf("%s has neither an AUTH token nor RBAC user groups", [r.id])
}

resources contains r.id if some r in cfn.resources("AWS::ElastiCache::ReplicationGroup")

cfn_authenticated(props) if props.AuthToken

cfn_authenticated(props) if {
	ids := props.UserGroupIds
	ids != []
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.AuthToken"} if {
	some r in cfn.resources("AWS::ElastiCache::ReplicationGroup")
	cfn.is_true(object.get(r.props, "TransitEncryptionEnabled", false))
	not cfn_authenticated(r.props)
	msg := sprintf("replication group %s has neither an AUTH token nor RBAC user groups", [r.id])
}
