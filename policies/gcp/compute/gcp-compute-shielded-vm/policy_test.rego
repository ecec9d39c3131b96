package assure.gcp.compute_shielded_vm_test

import data.assure.gcp.compute_shielded_vm as p
import rego.v1

vm(body) := {"resource": {"google_compute_instance": {"vm": [object.union({"name": "vm"}, body)]}}}

test_secure_boot_passes if {
	count(p.deny) == 0 with input as vm({"shielded_instance_config": [{"enable_secure_boot": true}]})
	count(p.deny) == 0 with input as vm({"shielded_instance_config": [{"enable_secure_boot": "${var.sb}"}]})
}

test_missing_fails if {
	count(p.deny) == 1 with input as vm({})
	count(p.deny) == 1 with input as vm({"shielded_instance_config": [{"enable_vtpm": true}]})
}

test_vtpm_off_fails if {
	count(p.deny) == 1 with input as vm({"shielded_instance_config": [{"enable_secure_boot": true, "enable_vtpm": false}]})
	count(p.deny) == 2 with input as vm({"shielded_instance_config": [{"enable_secure_boot": true, "enable_vtpm": false, "enable_integrity_monitoring": false}]})
}
