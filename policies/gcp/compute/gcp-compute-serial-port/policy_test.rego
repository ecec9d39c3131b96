package assure.gcp.compute_serial_port_test

import data.assure.gcp.compute_serial_port as p
import rego.v1

vm(md) := {"resource": {"google_compute_instance": {"vm": [{"name": "vm", "metadata": md}]}}}

test_enabled_fails if {
	count(p.deny) == 1 with input as vm({"serial-port-enable": true})
	count(p.deny) == 1 with input as vm({"serial-port-enable": "TRUE"})
}

test_default_passes if {
	count(p.deny) == 0 with input as vm({})
	count(p.deny) == 0 with input as vm({"serial-port-enable": "false"})
	count(p.deny) == 0 with input as vm("${local.metadata}")
	count(p.deny) == 0 with input as vm({"serial-port-enable": "${var.serial}"})
}

test_project_metadata_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_compute_project_metadata_item": {"i": [{"key": "serial-port-enable", "value": "1"}]}}}
	count(p.deny) == 1 with input as {"resource": {"google_compute_project_metadata": {"m": [{"metadata": {"serial-port-enable": "TRUE"}}]}}}
}
