# METADATA
# title: Instances block project-wide SSH keys
# description: >-
#   A project-wide SSH key in metadata opens every instance in the project to
#   whoever holds it; instances should accept only their own keys, or use OS
#   Login, so one leaked key does not reach every host.
# custom:
#   id: gcp-compute-block-project-ssh-keys
#   severity: medium
#   soc2: [CC6.1, CC6.3]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   remediation: Set block-project-ssh-keys = true in the instance's metadata (it is false by default), or enable OS Login, which ignores metadata keys.
#   rationale:
#     CC6.1: A single project-level key grants logical access to every instance, not only the ones it is meant for.
#     CC6.3: Access granted project-wide exceeds what each instance's administrators need.
#     ITGC-LA-1: Host access cannot be restricted to the users authorized for that host.
#   limitations: >-
#     Instances with OS Login enabled (in their own or project metadata in this
#     configuration) pass; OS Login enforced by organization policy is not seen.
package assure.gcp.compute_block_project_ssh_keys

import data.assure.lib.terraform as tf
import rego.v1

key := "block-project-ssh-keys"

resources contains r.id if some r in instances

os_login_project if {
	some p in project_metadata("enable-oslogin")
	truthy(p.value)
}

os_login(body) if truthy(metadata(body)["enable-oslogin"])

os_login(body) if {
	os_login_project
	not falsy(metadata(body)["enable-oslogin"])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in instances
	not has(metadata(r.body), key)
	not unknown(r.body.metadata)
	not os_login(r.body)
	msg := sprintf("%s does not block project-wide SSH keys (block-project-ssh-keys defaults to false) and does not use OS Login", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("metadata.%s", [key])} if {
	some r in instances
	falsy(metadata(r.body)[key])
	not os_login(r.body)
	msg := sprintf("%s accepts project-wide SSH keys (block-project-ssh-keys = false)", [r.id])
}

instance_types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

instances contains r if {
	some t in instance_types
	some r in tf.resources(t)
}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

truthy(v) if lower(sprintf("%v", [v])) in {"true", "1", "yes", "y", "on"}

falsy(v) if lower(sprintf("%v", [v])) in {"false", "0", "no", "n", "off"}

metadata(body) := body.metadata if is_object(body.metadata)

else := {}

# Project-wide metadata (google_compute_project_metadata and _item), as
# {id, attr, value} per key.
project_metadata(key) := {{"id": r.id, "attr": sprintf("metadata.%s", [key]), "value": m[key]} |
	some r in tf.resources("google_compute_project_metadata")
	m := metadata(r.body)
	has(m, key)
} | {{"id": r.id, "attr": "value", "value": val(r.body, "value", "")} |
	some r in tf.resources("google_compute_project_metadata_item")
	r.body.key == key
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
