# METADATA
# title: BigQuery datasets and tables are not shared with allUsers or allAuthenticatedUsers
# description: >-
#   An access entry or IAM grant for allUsers or allAuthenticatedUsers lets
#   anyone on the internet, or anyone with a Google account, query the data.
# custom:
#   id: gcp-bigquery-dataset-public
#   severity: critical
#   soc2: [CC6.6, CC6.1, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_policy, google_bigquery_table_iam_member, google_bigquery_table_iam_binding, google_bigquery_table_iam_policy, google_iam_policy]
#   remediation: Remove allUsers and allAuthenticatedUsers from the dataset's access blocks and from dataset and table IAM; grant named groups or service accounts.
#   rationale:
#     CC6.6: Public datasets are readable from outside the system boundary.
#     CC6.1: A grant to every principal bypasses logical access security over the data.
#     C1.1: Confidential data in a public dataset is not protected from disclosure.
#     ITGC-LA-1: Data is not restricted to authorized, authenticated users.
#   limitations: >-
#     Grants made outside this configuration, and authorized views or
#     routines that expose data indirectly, are not seen.
package assure.gcp.bigquery_dataset_public

import data.assure.lib.terraform as tf
import rego.v1

public_members := {"allUsers", "allAuthenticatedUsers"}

iam := {
	"google_bigquery_dataset_iam_member": "member",
	"google_bigquery_dataset_iam_binding": "members",
	"google_bigquery_dataset_iam_policy": "policy_data",
	"google_bigquery_table_iam_member": "member",
	"google_bigquery_table_iam_binding": "members",
	"google_bigquery_table_iam_policy": "policy_data",
}

resources contains r.id if {
	some t in {"google_bigquery_dataset", "google_bigquery_dataset_access"} | object.keys(iam)
	some r in tf.resources(t)
}

# The principal an access entry names: special_group or iam_member.
public_entry(a) := a.special_group if a.special_group in public_members

else := a.iam_member if a.iam_member in public_members

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("access[%d]", [i])} if {
	some r in tf.resources("google_bigquery_dataset")
	is_array(r.body.access)
	some i, a in r.body.access
	who := public_entry(a)
	msg := sprintf("dataset %s gives %s access to %s", [r.name, val(a, "role", "a role"), who])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("google_bigquery_dataset_access")
	who := public_entry(r.body)
	msg := sprintf("%s gives %s access to %s", [r.id, val(r.body, "role", "a role"), who])
}

policy_members(expr) := {m |
	doc := json.unmarshal(expr)
	is_object(doc)
	some b in val(doc, "bindings", [])
	ms := val(b, "members", [])
	is_array(ms)
	some m in ms
} if {
	is_string(expr)
	json.is_valid(expr)
}

policy_members(expr) := {m |
	some d in tf.resources_data("google_iam_policy")
	tf.references(expr, "data.google_iam_policy", d.name)
	some b in val(d.body, "binding", [])
	ms := val(b, "members", [])
	is_array(ms)
	some m in ms
} if {
	is_string(expr)
	not json.is_valid(expr)
}

members(attr, body) := {body.member} if attr == "member"

members(attr, body) := {m | some m in body.members} if {
	attr == "members"
	is_array(body.members)
}

members(attr, body) := policy_members(val(body, "policy_data", "")) if attr == "policy_data"

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t, attr in iam
	some r in tf.resources(t)
	some m in members(attr, r.body)
	m in public_members
	msg := sprintf("%s grants %s to %s", [r.id, val(r.body, "role", "roles"), m])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# An attribute's value, or d when it is absent or null.
val(o, k, d) := o[k] if has(o, k)

else := d
