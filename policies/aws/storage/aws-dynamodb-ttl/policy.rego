# METADATA
# title: DynamoDB tables of personal data expire their items
# description: >-
#   A table tagged as holding personal data without time to live keeps every
#   record until someone deletes it by hand: personal data outlives the
#   retention period it was collected for.
# custom:
#   id: aws-dynamodb-ttl
#   severity: medium
#   soc2: [P4.3, C1.2]
#   soc1: []
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_dynamodb_table, AWS::DynamoDB::Table]
#   remediation: >-
#     Enable time to live on the table (ttl { enabled = true, attribute_name =
#     "expires_at" }, TimeToLiveSpecification in CloudFormation) and have the
#     application write each item's expiry at the end of its retention period.
#   rationale:
#     P4.3: Personal information in a table without time to live is not disposed of at the end of its retention period unless someone deletes it by hand.
#     C1.2: Personal data is confidential information, and a table that never expires its items keeps it beyond the period it is needed for.
#   limitations: >-
#     Only tables whose own tags classify them as personal data
#     (DataClassification, data_classification, Classification, DataSensitivity
#     or Sensitivity set to personal, pii or phi) are examined; tags from the
#     provider's default_tags or unknown before apply are not seen. Whether the
#     application writes the expiry attribute, and deletion by other jobs, are
#     not something configuration can show. Dynamic blocks that cannot be
#     expanded before apply are taken as set.
package assure.aws.dynamodb_ttl

import data.assure.lib.classification
import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

# ---- Terraform ------------------------------------------------------------
# Tables whose tags classify them as holding personal data (library
# assure.lib.classification), with the class named in messages.
tagged contains {"table": t, "class": c} if {
	some t in tf.resources("aws_dynamodb_table")
	c := classification.tf_personal(object.get(t.body, "tags", {}))
}

resources contains x.table.id if some x in tagged

deny contains {"msg": msg, "resource": x.table.id, "attribute": "ttl.enabled"} if {
	some x in tagged
	not unknown_block(x.table.body, "ttl")
	enabled := object.get(tf.block(x.table.body, "ttl"), "enabled", false)
	not tf.is_true(enabled)
	not startswith(sprintf("%v", [enabled]), "${")
	msg := sprintf("DynamoDB table %s is classified %s but has no time to live (off by default)", [x.table.name, x.class])
}

# ---- CloudFormation -------------------------------------------------------
cfn_tagged contains {"table": t, "class": c} if {
	some t in cfn.resources("AWS::DynamoDB::Table")
	c := classification.cfn_personal(object.get(t.props, "Tags", []))
}

resources contains x.table.id if some x in cfn_tagged

deny contains {"msg": msg, "resource": x.table.id, "attribute": "Properties.TimeToLiveSpecification.Enabled"} if {
	some x in cfn_tagged
	spec := object.get(x.table.props, "TimeToLiveSpecification", {})
	not cfn.is_true(object.get(spec, "Enabled", false))
	msg := sprintf("DynamoDB table %s is classified %s but has no time to live (off by default)", [x.table.id, x.class])
}

# A block written as a dynamic block that could not be expanded: unknown
# before apply, given the benefit of the doubt.
unknown_block(body, key) if {
	d := object.get(body, "dynamic", {})
	is_object(d)
	d[key]
}
