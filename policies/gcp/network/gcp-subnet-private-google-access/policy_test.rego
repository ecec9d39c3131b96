package assure.gcp.subnet_private_google_access_test

import data.assure.gcp.subnet_private_google_access as p
import rego.v1

subnet(body) := {"resource": {"google_compute_subnetwork": {"s": [body]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as subnet({"name": "a", "private_ip_google_access": true})
}

test_missing_or_false_fails if {
	count(p.deny) == 1 with input as subnet({"name": "a"})
	count(p.deny) == 1 with input as subnet({"name": "a", "private_ip_google_access": false})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as subnet({"name": "a", "private_ip_google_access": "${var.pga}"})
}

test_psc_subnet_skipped if {
	count(p.resources) == 0 with input as subnet({"name": "a", "purpose": "PRIVATE_SERVICE_CONNECT"})
}
