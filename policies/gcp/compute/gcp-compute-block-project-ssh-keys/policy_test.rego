package assure.gcp.compute_block_project_ssh_keys_test

import data.assure.gcp.compute_block_project_ssh_keys as p
import rego.v1

vm(md) := {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "metadata": md}]}}}

test_blocked_passes if {
	count(p.deny) == 0 with input as vm({"block-project-ssh-keys": true})
	count(p.deny) == 0 with input as vm({"block-project-ssh-keys": "TRUE"})
}

test_os_login_passes if {
	count(p.deny) == 0 with input as vm({"enable-oslogin": "TRUE"})
	inp := {"resource": {
		"google_compute_instance": {"vm": [{"name": "vm"}]},
		"google_compute_project_metadata": {"m": [{"metadata": {"enable-oslogin": "TRUE"}}]},
	}}
	count(p.deny) == 0 with input as inp
}

test_missing_or_false_fails if {
	count(p.deny) == 1 with input as vm({})
	count(p.deny) == 1 with input as vm({"block-project-ssh-keys": false})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as vm("${var.metadata}")
	count(p.deny) == 0 with input as vm({"block-project-ssh-keys": "${var.block}"})
}
