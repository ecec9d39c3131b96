package assure.gcp.sql_postgres_log_flags_test

import data.assure.gcp.sql_postgres_log_flags as p
import rego.v1

db(version, flags) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "database_version": version, "settings": [{"database_flags": flags}]}]}}}

test_both_on_passes if {
	count(p.deny) == 0 with input as db("POSTGRES_15", [{"name": "log_connections", "value": "on"}, {"name": "log_disconnections", "value": "on"}])
}

test_missing_flags_fail if {
	count(p.deny) == 2 with input as {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "database_version": "POSTGRES_15"}]}}}
	count(p.deny) == 1 with input as db("POSTGRES_15", [{"name": "log_connections", "value": "on"}])
}

test_flag_off_fails if {
	count(p.deny) == 1 with input as db("POSTGRES_15", [{"name": "log_connections", "value": "off"}, {"name": "log_disconnections", "value": "on"}])
}

test_other_engines_and_unknown_skipped if {
	count(p.resources) == 0 with input as db("MYSQL_8_0", [])
	count(p.resources) == 0 with input as db("${var.version}", [])
	count(p.deny) == 0 with input as db("POSTGRES_15", [{"name": "log_connections", "value": "${var.v}"}, {"name": "log_disconnections", "value": "on"}])
}
