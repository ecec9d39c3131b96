# METADATA
# title: Instances do not enable interactive serial port access
# description: >-
#   The interactive serial console accepts connections from any IP address
#   and is not filtered by firewall rules; anyone with the right IAM
#   permission and an SSH key can reach the instance's console.
# custom:
#   id: gcp-compute-serial-port
#   severity: medium
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   remediation: Remove serial-port-enable from instance and project metadata (it is off by default), and enforce the compute.disableSerialPortAccess organization policy.
#   rationale:
#     CC6.6: The serial console is an access path that bypasses the network boundary and firewall rules.
#     CC6.1: Console access skips the controls applied to normal logon paths.
#     ITGC-LA-1: Administrative access to the instance is possible from any network.
#   limitations: An organization policy that disables serial port access is not visible here.
package assure.gcp.compute_serial_port

import data.assure.lib.terraform as tf
import rego.v1

key := "serial-port-enable"

resources contains r.id if some r in instances

resources contains p.id if some p in project_metadata(key)

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("metadata.%s", [key])} if {
	some r in instances
	truthy(metadata(r.body)[key])
	msg := sprintf("%s enables interactive serial port access", [r.id])
}

deny contains {"msg": msg, "resource": p.id, "attribute": p.attr} if {
	some p in project_metadata(key)
	truthy(p.value)
	msg := sprintf("%s enables interactive serial port access for every instance in the project", [p.id])
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
