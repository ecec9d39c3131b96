package assure.gcp.lb_ssl_policy_tls_test

import data.assure.gcp.lb_ssl_policy_tls as p
import rego.v1

test_tls12_policy_passes if {
	inp := {"resource": {"google_compute_ssl_policy": {"p": [{"name": "p", "profile": "MODERN", "min_tls_version": "TLS_1_2"}]}}}
	count(p.deny) == 0 with input as inp
}

test_default_or_old_policy_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_compute_ssl_policy": {"p": [{"name": "p"}]}}}
	count(p.deny) == 1 with input as {"resource": {"google_compute_region_ssl_policy": {"p": [{"name": "p", "min_tls_version": "TLS_1_1"}]}}}
}

test_proxy_without_policy_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_compute_target_https_proxy": {"x": [{"name": "x", "url_map": "${google_compute_url_map.m.id}"}]}}}
}

test_proxy_with_policy_passes if {
	count(p.deny) == 0 with input as {"resource": {"google_compute_target_https_proxy": {"x": [{"name": "x", "ssl_policy": "${google_compute_ssl_policy.p.id}"}]}}}
}

test_unknown_version_passes if {
	count(p.deny) == 0 with input as {"resource": {"google_compute_ssl_policy": {"p": [{"name": "p", "min_tls_version": "${var.tls}"}]}}}
}
