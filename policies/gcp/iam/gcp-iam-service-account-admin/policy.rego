# METADATA
# title: Service accounts are not granted Owner, Editor or admin roles
# description: >-
#   A service account with Owner, Editor or an administrator role gives every
#   workload or key holder that can act as it broad control of the project; a
#   leaked key or compromised workload becomes a full takeover.
# custom:
#   id: gcp-iam-service-account-admin
#   severity: high
#   soc2: [CC6.3, CC6.1]
#   soc1: [ITGC-LA-2]
#   inputs: [terraform]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy, google_iam_policy]
#   remediation: Grant the service account only the predefined or custom roles its workload needs instead of roles/owner, roles/editor or *Admin roles.
#   rationale:
#     CC6.3: Workload identities hold administrative privileges far beyond their function.
#     CC6.1: Anyone who obtains the service account's credentials gets administrative access to the resources.
#     ITGC-LA-2: Privileged access is held by non-human identities without least-privilege limits.
#   limitations: >-
#     Only project, folder and organization grants in this configuration are
#     seen; a deployment pipeline's own service account may need broad roles
#     and can be accepted as an exception.
package assure.gcp.iam_service_account_admin

import data.assure.lib.terraform as tf
import rego.v1

privileged(role) if role in {"roles/owner", "roles/editor"}

privileged(role) if {
	is_string(role)
	startswith(role, "roles/")
	endswith(lower(role), "admin")
}

service_account(m) if {
	is_string(m)
	startswith(m, "serviceAccount:")
}

# "${google_service_account.app.member}" is a service account too, and so is
# a member built from its email: a plan, which cannot know the email before
# apply, keeps only the reference of "serviceAccount:${...email}".
service_account(m) if {
	is_string(m)
	regex.match(`google_service_account\.[^.]+(\[[^\]]*\])?\.(member|email)`, m)
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t, attr in iam_types
	some r in tf.resources(t)
	some g in grants(attr, r.body)
	privileged(g[0])
	service_account(g[1])
	msg := sprintf("%s grants %s to the service account %s", [r.id, g[0], g[1]])
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
