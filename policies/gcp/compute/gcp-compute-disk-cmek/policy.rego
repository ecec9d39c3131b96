# METADATA
# title: Compute disks are encrypted with customer-managed or customer-supplied keys
# description: >-
#   Disks encrypted with Google-managed keys cannot be made unreadable by
#   revoking a key the organization controls; Cloud KMS keys put access to the
#   disk's data under the organization's key management.
# custom:
#   id: gcp-compute-disk-cmek
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [google_compute_disk, google_compute_region_disk, google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   remediation: >-
#     Set disk_encryption_key { kms_key_self_link = <Cloud KMS key> } on
#     disks, boot_disk.kms_key_self_link on instances, and
#     disk_encryption_key.kms_key_self_link on template disks.
#   rationale:
#     CC6.1: Encryption keys for the disk are not under the organization's own key management.
#     C1.1: Confidential data on the disk cannot be protected by disabling or revoking its key.
#     ITGC-LA-3: Protection of data at rest depends on a key the organization does not control.
#   limitations: >-
#     Data is still encrypted at rest with Google-managed keys; whether a disk
#     holds data that requires customer keys is not known from configuration.
#     Disks created from an existing source disk in templates are skipped.
package assure.gcp.compute_disk_cmek

import data.assure.lib.terraform as tf
import rego.v1

disk_types := ["google_compute_disk", "google_compute_region_disk"]

customer_key(cfg) if has(cfg, "kms_key_self_link")

customer_key(cfg) if has(cfg, "kms_key_name")

customer_key(cfg) if has(cfg, "raw_key")

customer_key(cfg) if has(cfg, "rsa_encrypted_key")

resources contains r.id if {
	some t in disk_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in disk_types
	some r in tf.resources(t)
	not customer_key(tf.block(r.body, "disk_encryption_key"))
	not dynamic(r.body, "disk_encryption_key")
	msg := sprintf("disk %s has no disk_encryption_key with a Cloud KMS key: it uses Google-managed encryption", [r.name])
}

# Boot disks of instances (created with the instance unless attached by source).
resources contains r.id if {
	some r in tf.resources("google_compute_instance")
	is_array(r.body.boot_disk)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "boot_disk"} if {
	some r in tf.resources("google_compute_instance")
	boot := tf.block(r.body, "boot_disk")
	boot != {}
	not has(boot, "source")
	not has(boot, "kms_key_self_link")
	not has(boot, "disk_encryption_key_raw")
	not has(boot, "disk_encryption_key_rsa")
	msg := sprintf("instance %s creates a boot disk without a customer-managed key (boot_disk.kms_key_self_link)", [r.name])
}

template_types := ["google_compute_instance_template", "google_compute_region_instance_template"]

resources contains r.id if {
	some t in template_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t in template_types
	some r in tf.resources(t)
	is_array(r.body.disk)
	some i, d in r.body.disk
	not has(d, "source")
	not customer_key(tf.block(d, "disk_encryption_key"))
	not dynamic(d, "disk_encryption_key")
	attr := sprintf("disk[%d]", [i])
	msg := sprintf("instance template %s creates disk %d without a customer-managed key", [r.name, i])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}

# Whether a nested block comes from a dynamic block whose for_each is not
# known before apply: whether it will exist cannot be told, so it is not judged.
dynamic(body, name) if {
	is_object(body)
	is_object(body.dynamic)
	_ = body.dynamic[name]
}
