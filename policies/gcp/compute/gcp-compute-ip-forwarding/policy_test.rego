package assure.gcp.compute_ip_forwarding_test

import data.assure.gcp.compute_ip_forwarding as p
import rego.v1

vm(body) := {"resource": {"google_compute_instance": {"vm": [object.union({"name": "vm"}, body)]}}}

test_forwarding_fails if {
	count(p.deny) == 1 with input as vm({"can_ip_forward": true})
}

test_default_passes if {
	count(p.deny) == 0 with input as vm({})
	count(p.deny) == 0 with input as vm({"can_ip_forward": false})
	count(p.deny) == 0 with input as vm({"can_ip_forward": "${var.fwd}"})
}
