package assure.gcp.firewall_open_database_ports_test

import data.assure.gcp.firewall_open_database_ports as p
import rego.v1

fw(body) := {"resource": {"google_compute_firewall": {"r": [body]}}}

test_postgres_from_anywhere_fails if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]})
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": [3306, 6379]}]})
}

test_all_ports_fail if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]})
}

test_private_or_web_passes if {
	count(p.deny) == 0 with input as fw({"source_ranges": ["10.0.0.0/16"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443"]}]})
}

test_unknown_values_pass if {
	count(p.deny) == 0 with input as fw({"source_ranges": ["${var.cidr}"], "allow": [{"protocol": "tcp", "ports": ["5432"]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": "${var.allow}"})
}
