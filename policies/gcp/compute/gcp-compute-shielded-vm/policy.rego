# METADATA
# title: Instances run as Shielded VMs with secure boot
# description: >-
#   Without secure boot, vTPM and integrity monitoring, a boot-level rootkit or
#   tampered kernel can load undetected and persist across reboots.
# custom:
#   id: gcp-compute-shielded-vm
#   severity: medium
#   soc2: [CC6.8, CC7.1]
#   soc1: []
#   inputs: [terraform]
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Add shielded_instance_config { enable_secure_boot = true } (secure boot
#     is off by default) and keep enable_vtpm and enable_integrity_monitoring
#     at their default, true.
#   rationale:
#     CC6.8: Secure boot prevents unsigned, possibly malicious boot components from running.
#     CC7.1: Integrity monitoring detects unauthorized changes to the boot sequence.
#   limitations: >-
#     Only images that support Shielded VM can use these settings; custom
#     images without UEFI support need an exception.
package assure.gcp.compute_shielded_vm

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in instances

deny contains {"msg": msg, "resource": r.id} if {
	some r in instances
	not is_array(r.body.shielded_instance_config)
	not dynamic(r.body, "shielded_instance_config")
	msg := sprintf("%s has no shielded_instance_config: secure boot is off by default", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "shielded_instance_config.enable_secure_boot"} if {
	some r in instances
	is_array(r.body.shielded_instance_config)
	cfg := tf.block(r.body, "shielded_instance_config")
	not tf.is_true(val(cfg, "enable_secure_boot", false))
	not unknown(val(cfg, "enable_secure_boot", false))
	msg := sprintf("%s does not enable secure boot", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("shielded_instance_config.%s", [setting])} if {
	some r in instances
	cfg := tf.block(r.body, "shielded_instance_config")
	some setting in ["enable_vtpm", "enable_integrity_monitoring"]
	cfg[setting] in {false, "false"}
	msg := sprintf("%s turns %s off", [r.id, setting])
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

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
