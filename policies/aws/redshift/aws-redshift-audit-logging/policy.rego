# METADATA
# title: Redshift clusters keep audit logs
# description: >-
#   Without audit logging, Redshift keeps no durable record of connections,
#   user changes and queries: who read or changed warehouse data cannot be
#   established after the fact.
# custom:
#   id: aws-redshift-audit-logging
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_redshift_cluster, aws_redshift_logging, AWS::Redshift::Cluster]
#   remediation: Add an aws_redshift_logging resource (or the cluster's logging block) sending logs to S3 or CloudWatch; LoggingProperties in CloudFormation.
#   rationale:
#     CC7.2: Connection and user activity logs are the audit records the criterion expects for monitoring the warehouse.
#     ITGC-OP-2: Security events on the warehouse (logins, privilege changes) are not logged for monitoring.
#     ITGC-DI-1: Queries that read or change financial records leave no audit trail.
#   limitations: >-
#     Logging configured in another module, by the console or the API is not
#     seen; the user activity log also needs enable_user_activity_logging in
#     the cluster's parameter group, which is not checked.
package assure.aws.redshift_audit_logging

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains c.id if some c in tf.resources("aws_redshift_cluster")

# The logging block of the cluster (AWS provider before v6).
logged(c) if tf.is_true(tf.block(c.body, "logging").enable)

# An aws_redshift_logging resource for the cluster (or with an unknown status).
logged(c) if {
	some l in tf.siblings("aws_redshift_logging", "cluster_identifier", "aws_redshift_cluster", c.name)
	not object.get(l, "enable", true) == false
}

deny contains {"msg": msg, "resource": c.id, "attribute": "logging"} if {
	some c in tf.resources("aws_redshift_cluster")
	not logged(c)
	msg := sprintf("%s does not keep audit logs (no logging block or aws_redshift_logging resource)", [c.id])
}

resources contains r.id if some r in cfn.resources("AWS::Redshift::Cluster")

cfn_logged(props) if props.LoggingProperties.BucketName

cfn_logged(props) if props.LoggingProperties.LogDestinationType

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.LoggingProperties"} if {
	some r in cfn.resources("AWS::Redshift::Cluster")
	not cfn_logged(r.props)
	msg := sprintf("Redshift cluster %s does not keep audit logs", [r.id])
}
