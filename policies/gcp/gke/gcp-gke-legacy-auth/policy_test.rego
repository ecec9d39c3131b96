package assure.gcp.gke_legacy_auth_test

import data.assure.gcp.gke_legacy_auth as p
import rego.v1

cluster(auth) := {"resource": {"google_container_cluster": {"c": [{"name": "c", "master_auth": [auth]}]}}}

test_basic_auth_fails if {
	count(p.deny) == 1 with input as cluster({"username": "admin", "password": "${var.password}"})
}

test_client_cert_fails if {
	count(p.deny) == 1 with input as cluster({"client_certificate_config": [{"issue_client_certificate": true}]})
}

test_defaults_pass if {
	count(p.deny) == 0 with input as cluster({"client_certificate_config": [{"issue_client_certificate": false}]})
	count(p.deny) == 0 with input as cluster({"username": ""})
	count(p.deny) == 0 with input as {"resource": {"google_container_cluster": {"c": [{"name": "c"}]}}}
}
