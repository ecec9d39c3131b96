# METADATA
# title: People are not granted the basic Owner or Editor roles
# description: >-
#   Owner and Editor grant thousands of permissions across every service in the
#   project (Owner also manages IAM); given to users, groups or domains, they
#   make any of those people able to change or delete anything.
# custom:
#   id: gcp-iam-primitive-roles
#   severity: high
#   soc2: [CC6.3]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy, google_iam_policy]
#   remediation: Replace roles/owner and roles/editor with predefined or custom roles scoped to what each group needs; keep break-glass owners outside day-to-day grants.
#   rationale:
#     CC6.3: Basic roles give far more access than any job needs, defeating least privilege and separation of duties.
#     ITGC-LA-2: Privileged access is granted broadly instead of being limited to what is required.
#   limitations: >-
#     Grants made outside this configuration are not seen; members held in
#     unevaluated variables are not judged. Service accounts with these roles
#     are reported by gcp-iam-service-account-admin.
package assure.gcp.iam_primitive_roles

import data.assure.lib.terraform as tf
import rego.v1

basic_roles := {"roles/owner", "roles/editor"}

human(m) if {
	is_string(m)
	some prefix in ["user:", "group:", "domain:"]
	startswith(m, prefix)
}

# Workforce identity federation principals are people too.
human(m) if {
	is_string(m)
	contains(m, "/workforcePools/")
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t, attr in iam_types
	some r in tf.resources(t)
	some g in grants(attr, r.body)
	g[0] in basic_roles
	human(g[1])
	msg := sprintf("%s grants the basic role %s to %s", [r.id, g[0], g[1]])
}

iam_types := {
	"google_project_iam_member": "member",
	"google_project_iam_binding": "members",
	"google_project_iam_policy": "policy_data",
	"google_folder_iam_member": "member",
	"google_folder_iam_binding": "members",
	"google_folder_iam_policy": "policy_data",
	"google_organization_iam_member": "member",
	"google_organization_iam_binding": "members",
	"google_organization_iam_policy": "policy_data",
}

resources contains r.id if {
	some t, _ in iam_types
	some r in tf.resources(t)
}

# Each grant as [role, member]: member and binding resources, and the bindings
# of a policy (a literal JSON document, or the google_iam_policy data source
# that policy_data refers to).
grants(attr, body) := {[body.role, body.member]} if attr == "member"

grants(attr, body) := {[body.role, m] | some m in body.members} if {
	attr == "members"
	is_array(body.members)
}

grants(attr, body) := {[b.role, m] |
	doc := json.unmarshal(body.policy_data)
	is_object(doc)
	some b in val(doc, "bindings", [])
	ms := val(b, "members", [])
	is_array(ms)
	some m in ms
} if {
	attr == "policy_data"
	is_string(body.policy_data)
	json.is_valid(body.policy_data)
}

grants(attr, body) := {[b.role, m] |
	some d in tf.resources_data("google_iam_policy")
	tf.references(body.policy_data, "data.google_iam_policy", d.name)
	some b in val(d.body, "binding", [])
	ms := val(b, "members", [])
	is_array(ms)
	some m in ms
} if {
	attr == "policy_data"
	is_string(body.policy_data)
	not json.is_valid(body.policy_data)
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
