package assure.gcp.firewall_open_admin_ports_test

import data.assure.gcp.firewall_open_admin_ports as p
import rego.v1

fw(body) := {"resource": {"google_compute_firewall": {"r": [body]}}}

test_ssh_from_anywhere_fails if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

test_range_and_all_protocols_fail if {
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["3000-4000"]}]})
	count(p.deny) == 1 with input as fw({"source_ranges": ["::/0"], "allow": [{"protocol": "all"}]})
	count(p.deny) == 1 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]})
}

test_https_or_office_passes if {
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["443", 80]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]})
}

test_egress_disabled_and_tags_pass if {
	count(p.deny) == 0 with input as fw({"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	count(p.deny) == 0 with input as fw({"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	count(p.deny) == 0 with input as fw({"source_tags": ["bastion"], "allow": [{"protocol": "tcp", "ports": ["22"]}]})
}

test_unknown_values_pass if {
	count(p.deny) == 0 with input as fw({"source_ranges": "${var.ranges}", "allow": [{"protocol": "tcp", "ports": ["22"]}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": "${var.ports}"}]})
	count(p.deny) == 0 with input as fw({"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["${var.port}"]}]})
}

test_firewall_policy_rule_fails if {
	inp := {"resource": {"google_compute_network_firewall_policy_rule": {"r": [{"action": "allow", "direction": "INGRESS", "match": [{"src_ip_ranges": ["0.0.0.0/0"], "layer4_configs": [{"ip_protocol": "tcp", "ports": ["3389"]}]}]}]}}}
	count(p.deny) == 1 with input as inp
}

test_firewall_policy_deny_passes if {
	inp := {"resource": {"google_compute_firewall_policy_rule": {"r": [{"action": "deny", "direction": "INGRESS", "match": [{"src_ip_ranges": ["0.0.0.0/0"], "layer4_configs": [{"ip_protocol": "tcp", "ports": ["22"]}]}]}]}}}
	count(p.deny) == 0 with input as inp
}

test_null_attributes_take_defaults if {
	count(p.deny) == 1 with input as fw({"direction": null, "disabled": null, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": null}]})
}
