# METADATA
# title: Instances use OS Login
# description: >-
#   Without OS Login, SSH access is granted by keys pasted into metadata that
#   IAM cannot review or revoke centrally, and that stay valid after the person
#   leaves; OS Login ties SSH access to IAM identities.
# custom:
#   id: gcp-compute-os-login
#   severity: medium
#   soc2: [CC6.1, CC6.2]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   remediation: >-
#     Set enable-oslogin = "TRUE" in project metadata (or each instance's
#     metadata) and remove enable-oslogin = "FALSE" overrides; OS Login is off
#     unless enabled.
#   rationale:
#     CC6.1: SSH access is controlled by keys in metadata rather than by IAM-enforced access.
#     CC6.2: Users gain SSH access without being registered and authorized through the identity system.
#     ITGC-LA-1: Access to hosts is not restricted to authenticated, centrally managed users.
#   limitations: >-
#     Project metadata or the compute.requireOsLogin organization policy set
#     outside this configuration are not seen; Windows instances do not use OS
#     Login.
package assure.gcp.compute_os_login

import data.assure.lib.terraform as tf
import rego.v1

key := "enable-oslogin"

resources contains r.id if some r in instances

resources contains p.id if some p in project_metadata(key)

project_enabled if {
	some p in project_metadata(key)
	truthy(p.value)
}

project_enabled if {
	some p in project_metadata(key)
	unknown(p.value)
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in instances
	not has(metadata(r.body), key)
	not unknown(r.body.metadata)
	not project_enabled
	msg := sprintf("%s does not enable OS Login (enable-oslogin is off unless set in instance or project metadata)", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("metadata.%s", [key])} if {
	some r in instances
	falsy(metadata(r.body)[key])
	msg := sprintf("%s turns OS Login off (enable-oslogin = FALSE)", [r.id])
}

deny contains {"msg": msg, "resource": p.id, "attribute": p.attr} if {
	some p in project_metadata(key)
	falsy(p.value)
	msg := sprintf("%s turns OS Login off for the project", [p.id])
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
