package assure.gcp.sql_high_availability_test

import data.assure.gcp.sql_high_availability as p
import rego.v1

db(settings) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "settings": [settings]}]}}}

test_regional_passes if {
	count(p.deny) == 0 with input as db({"availability_type": "REGIONAL"})
}

test_zonal_or_missing_fails if {
	count(p.deny) == 1 with input as db({"availability_type": "ZONAL"})
	count(p.deny) == 1 with input as db({"tier": "x"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as db({"availability_type": "${var.availability}"})
}

test_replica_skipped if {
	inp := {"resource": {"google_sql_database_instance": {"r": [{"name": "r", "master_instance_name": "main", "settings": [{}]}]}}}
	count(p.resources) == 0 with input as inp
}
