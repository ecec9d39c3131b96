package assure.gcp.compute_default_service_account_test

import data.assure.gcp.compute_default_service_account as p
import rego.v1

vm(sa) := {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "service_account": [sa]}]}}}

test_default_full_scope_fails if {
	count(p.deny) == 1 with input as vm({"scopes": ["cloud-platform"]})
	count(p.deny) == 1 with input as vm({"email": "123-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]})
}

test_dedicated_or_narrow_passes if {
	count(p.deny) == 0 with input as vm({"email": "${google_service_account.app.email}", "scopes": ["cloud-platform"]})
	count(p.deny) == 0 with input as vm({"scopes": ["logging-write", "monitoring-write"]})
	count(p.deny) == 0 with input as {"resource": {"google_compute_instance": {"vm": [{"name": "vm"}]}}}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as vm({"scopes": "${var.scopes}"})
}

test_template_fails if {
	inp := {"resource": {"google_compute_instance_template": {"t": [{"service_account": [{"scopes": ["cloud-platform"]}]}]}}}
	count(p.deny) == 1 with input as inp
}
