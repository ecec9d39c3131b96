package assure.gcp.sql_pitr_test

import data.assure.gcp.sql_pitr as p
import rego.v1

db(version, backup) := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "database_version": version, "settings": [{"backup_configuration": [backup]}]}]}}}

test_postgres if {
	count(p.deny) == 0 with input as db("POSTGRES_15", {"enabled": true, "point_in_time_recovery_enabled": true})
	count(p.deny) == 1 with input as db("POSTGRES_15", {"enabled": true})
	count(p.deny) == 1 with input as db("SQLSERVER_2019_STANDARD", {"enabled": true, "point_in_time_recovery_enabled": false})
}

test_mysql if {
	count(p.deny) == 0 with input as db("MYSQL_8_0", {"enabled": true, "binary_log_enabled": true})
	count(p.deny) == 1 with input as db("MYSQL_8_0", {"enabled": true, "point_in_time_recovery_enabled": true})
}

test_enterprise_plus_default if {
	inp := {"resource": {"google_sql_database_instance": {"db": [{"name": "db", "database_version": "POSTGRES_16", "settings": [{"edition": "ENTERPRISE_PLUS"}]}]}}}
	count(p.deny) == 0 with input as inp
}

test_unknown_version_and_replica_skipped if {
	count(p.resources) == 0 with input as db("${var.version}", {})
	inp := {"resource": {"google_sql_database_instance": {"r": [{"name": "r", "database_version": "MYSQL_8_0", "master_instance_name": "main"}]}}}
	count(p.resources) == 0 with input as inp
}

test_unknown_value_passes if {
	count(p.deny) == 0 with input as db("POSTGRES_15", {"point_in_time_recovery_enabled": "${var.pitr}"})
}
