# METADATA
# title: Cloud KMS keys and key rings are not granted to allUsers or allAuthenticatedUsers
# description: >-
#   A KMS grant to allUsers or allAuthenticatedUsers lets anyone use, or manage,
#   the key that protects the organization's encrypted data.
# custom:
#   id: gcp-kms-public-access
#   severity: critical
#   soc2: [CC6.1, CC6.3]
#   soc1: [ITGC-LA-1, ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_member, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_policy, google_iam_policy]
#   remediation: Remove allUsers and allAuthenticatedUsers from the key's and key ring's IAM members; grant roles to named service accounts or groups.
#   rationale:
#     CC6.1: Encryption keys usable by anyone no longer restrict access to the data they protect.
#     CC6.3: A grant to every principal is the opposite of least privilege on key usage.
#     ITGC-LA-1: Use of the key is not restricted to authorized, authenticated users.
#     ITGC-LA-3: Data encrypted with a publicly usable key is not protected from unauthorized access or change.
#   limitations: >-
#     Grants made outside this configuration are not seen; members held in
#     unevaluated variables are not judged.
package assure.gcp.kms_public_access

import data.assure.lib.terraform as tf
import rego.v1

public_members := {"allUsers", "allAuthenticatedUsers"}

iam := {
	"google_kms_crypto_key_iam_member": "member",
	"google_kms_crypto_key_iam_binding": "members",
	"google_kms_crypto_key_iam_policy": "policy_data",
	"google_kms_key_ring_iam_member": "member",
	"google_kms_key_ring_iam_binding": "members",
	"google_kms_key_ring_iam_policy": "policy_data",
}

resources contains r.id if {
	some t, _ in iam
	some r in tf.resources(t)
}

# Members of a literal IAM policy document, or of the google_iam_policy data
# source that policy_data refers to.
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
