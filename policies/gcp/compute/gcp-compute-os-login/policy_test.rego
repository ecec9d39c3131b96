package assure.gcp.compute_os_login_test

import data.assure.gcp.compute_os_login as p
import rego.v1

vm(md) := {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "metadata": md}]}}}

test_instance_enabled_passes if {
	count(p.deny) == 0 with input as vm({"enable-oslogin": "TRUE"})
	count(p.deny) == 0 with input as vm({"enable-oslogin": true})
	count(p.deny) == 0 with input as vm({"enable-oslogin": "${var.oslogin}"})
	count(p.deny) == 0 with input as vm("${local.metadata}")
}

test_missing_fails if {
	count(p.deny) == 1 with input as vm({})
	count(p.deny) == 1 with input as {"resource": {"google_compute_instance": {"vm": [{"name": "vm"}]}}}
}

test_disabled_fails if {
	count(p.deny) == 1 with input as vm({"enable-oslogin": "FALSE"})
}

test_project_metadata_enables if {
	inp := {"resource": {
		"google_compute_instance": {"vm": [{"name": "vm"}]},
		"google_compute_project_metadata_item": {"os": [{"key": "enable-oslogin", "value": "TRUE"}]},
	}}
	count(p.deny) == 0 with input as inp
}

test_project_metadata_disabled_fails if {
	inp := {"resource": {"google_compute_project_metadata": {"m": [{"metadata": {"enable-oslogin": "FALSE"}}]}}}
	count(p.deny) == 1 with input as inp
}
