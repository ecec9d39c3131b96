# METADATA
# title: Cloud Storage buckets and objects are not granted to allUsers or allAuthenticatedUsers
# description: >-
#   An IAM grant or ACL entry for allUsers or allAuthenticatedUsers lets anyone
#   on the internet (or anyone with any Google account) read or change the
#   data, so a bucket meant for internal records becomes public.
# custom:
#   id: gcp-storage-public-access
#   severity: critical
#   soc2: [CC6.6, CC6.1, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy, google_storage_bucket_acl, google_storage_bucket_access_control, google_storage_default_object_acl, google_storage_default_object_access_control, google_storage_object_acl, google_storage_object_access_control, google_iam_policy]
#   remediation: >-
#     Remove allUsers and allAuthenticatedUsers from the bucket's IAM members and
#     ACLs, and grant access to named groups or service accounts instead (serve
#     public content through a load balancer or signed URLs).
#   rationale:
#     CC6.6: A bucket readable by allUsers is reachable from outside the system boundary with no authentication at all.
#     CC6.1: Granting a bucket to every principal bypasses logical access security over the data it holds.
#     C1.1: Confidential information stored in a public bucket is not protected from disclosure.
#     ITGC-LA-1: Data readable or writable by anyone is not restricted to authorized, authenticated users.
#   limitations: >-
#     Grants made outside this configuration (console, gcloud, organization
#     policy) are not seen; members held in unevaluated variables are not judged.
package assure.gcp.storage_public_access

import data.assure.lib.terraform as tf
import rego.v1

public_members := {"allUsers", "allAuthenticatedUsers"}

public_acls := {"publicRead", "publicReadWrite", "authenticatedRead"}

iam_types := {"google_storage_bucket_iam_member", "google_storage_bucket_iam_binding", "google_storage_bucket_iam_policy"}

acl_types := {
	"google_storage_bucket_acl", "google_storage_bucket_access_control",
	"google_storage_default_object_acl", "google_storage_default_object_access_control",
	"google_storage_object_acl", "google_storage_object_access_control",
}

resources contains r.id if {
	some t in iam_types | acl_types
	some r in tf.resources(t)
}

# Members of a literal IAM policy document (jsonencode evaluated to a string),
# or of the google_iam_policy data source it refers to.
policy_members(expr) := {m |
	doc := json.unmarshal(expr)
	is_object(doc)
	some b in val(doc, "bindings", [])
	members := val(b, "members", [])
	is_array(members)
	some m in members
} if {
	is_string(expr)
	json.is_valid(expr)
}

policy_members(expr) := {m |
	some d in tf.resources_data("google_iam_policy")
	tf.references(expr, "data.google_iam_policy", d.name)
	some b in val(d.body, "binding", [])
	members := val(b, "members", [])
	is_array(members)
	some m in members
} if {
	is_string(expr)
	not json.is_valid(expr)
}

members(t, body) := {m | m := body.member} if t == "google_storage_bucket_iam_member"

members(t, body) := {m | some m in body.members} if {
	t == "google_storage_bucket_iam_binding"
	is_array(body.members)
}

members(t, body) := policy_members(val(body, "policy_data", "")) if t == "google_storage_bucket_iam_policy"

attr := {
	"google_storage_bucket_iam_member": "member",
	"google_storage_bucket_iam_binding": "members",
	"google_storage_bucket_iam_policy": "policy_data",
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr[t]} if {
	some t in iam_types
	some r in tf.resources(t)
	some m in members(t, r.body)
	m in public_members
	msg := sprintf("%s grants %s on bucket to %s", [r.id, val(r.body, "role", "a role"), m])
}

# ACL entities: "READER:allUsers" in role_entity lists, entity on access controls.
acl_entries(body) := {["role_entity", e] |
	entries := val(body, "role_entity", [])
	is_array(entries)
	some re in entries
	is_string(re)
	parts := split(re, ":")
	e := parts[count(parts) - 1]
} | {["entity", e] | e := body.entity}

deny contains {"msg": msg, "resource": r.id, "attribute": entry[0]} if {
	some t in acl_types
	some r in tf.resources(t)
	some entry in acl_entries(r.body)
	entry[1] in public_members
	msg := sprintf("%s gives an ACL entry to %s", [r.id, entry[1]])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "predefined_acl"} if {
	some t in acl_types
	some r in tf.resources(t)
	r.body.predefined_acl in public_acls
	msg := sprintf("%s applies the predefined ACL %s, which opens access to all users", [r.id, r.body.predefined_acl])
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
