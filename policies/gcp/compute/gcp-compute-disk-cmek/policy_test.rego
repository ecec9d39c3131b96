package assure.gcp.compute_disk_cmek_test

import data.assure.gcp.compute_disk_cmek as p
import rego.v1

disk(body) := {"resource": {"google_compute_disk": {"d": [object.union({"name": "d"}, body)]}}}

test_kms_disk_passes if {
	count(p.deny) == 0 with input as disk({"disk_encryption_key": [{"kms_key_self_link": "${google_kms_crypto_key.k.id}"}]})
	count(p.deny) == 0 with input as disk({"disk_encryption_key": [{"raw_key": "${var.csek}"}]})
}

test_google_managed_disk_fails if {
	count(p.deny) == 1 with input as disk({})
}

test_instance_boot_disk if {
	count(p.deny) == 1 with input as {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "boot_disk": [{"initialize_params": [{"image": "debian"}]}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "boot_disk": [{"kms_key_self_link": "k"}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "boot_disk": [{"source": "${google_compute_disk.d.id}"}]}]}}}
}

test_template_disks if {
	inp := {"resource": {"google_compute_instance_template": {"t": [{"name": "t", "disk": [{"source_image": "debian", "disk_encryption_key": [{"kms_key_self_link": "k"}]}, {"source_image": "debian"}]}]}}}
	count(p.deny) == 1 with input as inp
}
