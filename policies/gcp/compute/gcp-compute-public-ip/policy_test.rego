package assure.gcp.compute_public_ip_test

import data.assure.gcp.compute_public_ip as p
import rego.v1

vm(nics) := {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "network_interface": nics}]}}}

test_access_config_fails if {
	count(p.deny) == 1 with input as vm([{"network": "default", "access_config": [{}]}])
	count(p.deny) == 1 with input as vm([{"network": "a"}, {"network": "b", "access_config": [{"nat_ip": "${google_compute_address.ip.address}"}]}])
}

test_private_passes if {
	count(p.deny) == 0 with input as vm([{"network": "default"}])
	count(p.deny) == 0 with input as vm("${var.nics}")
}
