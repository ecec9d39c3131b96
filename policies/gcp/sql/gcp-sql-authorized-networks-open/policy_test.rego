package assure.gcp.sql_authorized_networks_open_test

import data.assure.gcp.sql_authorized_networks_open as p
import rego.v1

db(nets) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "settings": [{"ip_configuration": [{"ipv4_enabled": true, "authorized_networks": nets}]}]}]}}}

test_world_fails if {
	count(p.deny) == 1 with input as db([{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}])
}

test_office_passes if {
	count(p.deny) == 0 with input as db([{"name": "office", "value": "203.0.113.0/24"}])
}

test_unknown_and_missing_pass if {
	count(p.deny) == 0 with input as db([{"name": "x", "value": "${var.cidr}"}])
	count(p.deny) == 0 with input as db("${var.nets}")
	count(p.deny) == 0 with input as {"resource": {"google_sql_database_instance": {"db": [{"name": "db"}]}}}
}
