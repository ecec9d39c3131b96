# METADATA
# title: RDS databases encrypt storage at rest
# description: >-
#   Database storage, snapshots and replicas of an unencrypted instance or
#   cluster hold data in the clear; encryption can only be chosen at creation.
# custom:
#   id: aws-rds-encryption
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_db_instance, aws_rds_cluster, AWS::RDS::DBInstance, AWS::RDS::DBCluster]
#   remediation: >-
#     Set storage_encrypted = true (StorageEncrypted in CloudFormation), with a
#     customer-managed KMS key where the data is confidential.
#   rationale:
#     CC6.1: >-
#       An unencrypted instance or cluster keeps its storage, snapshots and
#       replicas in the clear, without the encryption at rest CC6.1 expects.
#     C1.1: >-
#       Databases hold most confidential data, and without storage encryption it
#       is unprotected on the underlying storage and in every snapshot.
#     ITGC-LA-3: >-
#       Financial data in the database and its snapshots is not encrypted at
#       rest, so a copied or shared snapshot exposes it with no key policy to
#       stop it.
#   limitations: >-
#     Whether the KMS key is customer-managed, and what its key policy allows, is
#     not checked (the AWS-managed key passes); Aurora cluster instances are
#     judged through their cluster.
package assure.aws.rds_encryption

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# Aurora instances (aws_rds_cluster_instance) inherit encryption from their
# cluster, so only instances and clusters are examined.
tf_types := ["aws_db_instance", "aws_rds_cluster"]

resources contains r.id if {
	some t in tf_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "storage_encrypted"} if {
	some t in tf_types
	some r in tf.resources(t)
	not tf.is_true(object.get(r.body, "storage_encrypted", false))
	msg := sprintf("%s does not set storage_encrypted = true", [r.id])
}

cfn_types := ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]

resources contains r.id if {
	some t in cfn_types
	some r in cfn.resources(t)
	not r.props.DBClusterIdentifier
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.StorageEncrypted"} if {
	some t in cfn_types
	some r in cfn.resources(t)
	not r.props.DBClusterIdentifier
	not cfn.is_true(object.get(r.props, "StorageEncrypted", false))
	msg := sprintf("%s does not set StorageEncrypted to true", [r.id])
}
