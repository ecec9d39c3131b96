package assure.gcp.sql_backups_test

import data.assure.gcp.sql_backups as p
import rego.v1

db(body) := {"resource": {"google_sql_database_instance": {"db": [object.union({"name": "db"}, body)]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as db({"settings": [{"backup_configuration": [{"enabled": true}]}]})
}

test_missing_or_disabled_fails if {
	count(p.deny) == 1 with input as db({"settings": [{"tier": "x"}]})
	count(p.deny) == 1 with input as db({"settings": [{"backup_configuration": [{"enabled": false}]}]})
	count(p.deny) == 1 with input as db({"settings": [{"backup_configuration": [{"start_time": "03:00"}]}]})
}

test_replica_skipped if {
	inp := db({"master_instance_name": "${google_sql_database_instance.main.name}", "settings": [{"tier": "x"}]})
	count(p.deny) == 0 with input as inp
	count(p.resources) == 0 with input as inp
}

test_unknown_passes if {
	count(p.deny) == 0 with input as db({"settings": [{"backup_configuration": [{"enabled": "${var.backups}"}]}]})
}

test_null_replica_name_is_not_a_replica if {
	count(p.deny) == 1 with input as db({"master_instance_name": null, "settings": [{"backup_configuration": [{"enabled": null}]}]})
}

test_unknown_dynamic_block_passes if {
	count(p.deny) == 0 with input as db({"settings": [{"dynamic": {"backup_configuration": [{"for_each": "${var.backups}", "content": [{"enabled": true}]}]}}]})
}
