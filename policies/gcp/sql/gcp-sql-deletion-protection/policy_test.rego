package assure.gcp.sql_deletion_protection_test

import data.assure.gcp.sql_deletion_protection as p
import rego.v1

db(body) := {"resource": {"google_sql_database_instance": {"db": [object.union({"name": "db"}, body)]}}}

test_default_passes if {
	count(p.deny) == 0 with input as db({})
	count(p.deny) == 0 with input as db({"deletion_protection": true})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as db({"deletion_protection": false})
}

test_api_protection_compensates if {
	count(p.deny) == 0 with input as db({"deletion_protection": false, "settings": [{"deletion_protection_enabled": true}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as db({"deletion_protection": "${var.protect}"})
}
