package assure.gcp.firewall_open_all_ports_test

import data.assure.gcp.firewall_open_all_ports as p
import rego.v1

fw(body) := {"resource": {"google_compute_firewall": {"r": [body]}}}

test_all_protocols_fail if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]})
}

test_no_ports_or_full_range_fail if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]})
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "udp", "ports": ["0-65535"]}]})
}

test_specific_ports_pass if {
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443", "8000-9000"]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]})
}

test_internal_passes if {
	count(p.deny) == 0 with input as fw({"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "all"}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as fw({"source_ranges": "${var.r}", "allow": [{"protocol": "all"}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "${var.proto}"}]})
}
