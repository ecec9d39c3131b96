package assure.gcp.sql_no_public_ip_test

import data.assure.gcp.sql_no_public_ip as p
import rego.v1

db(ip) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "settings": [{"tier": "db-f1-micro", "ip_configuration": ip}]}]}}}

test_private_passes if {
	count(p.deny) == 0 with input as db([{"ipv4_enabled": false, "private_network": "${google_compute_network.vpc.id}"}])
}

test_public_fails if {
	count(p.deny) == 1 with input as db([{"ipv4_enabled": true}])
}

test_default_fails if {
	count(p.deny) == 1 with input as db([{"private_network": "x"}])
	count(p.deny) == 1 with input as {"resource": {"google_sql_database_instance": {"db": [{"name": "db"}]}}}
}

test_unknown_passes if {
	count(p.deny) == 0 with input as db([{"ipv4_enabled": "${var.public}"}])
}

test_null_means_default if {
	count(p.deny) == 1 with input as db([{"ipv4_enabled": null, "private_network": null}])
}
