package assure.workflows.permissions_test

import data.assure.workflows.permissions
import rego.v1

test_missing_everywhere_fails_per_job if {
	count(permissions.deny) == 2 with input as {"jobs": {"a": {}, "b": {}}}
}

test_top_level_read_passes if {
	count(permissions.deny) == 0 with input as {"permissions": {"contents": "read"}, "jobs": {"a": {}}}
}

test_job_level_passes if {
	count(permissions.deny) == 0 with input as {"jobs": {"a": {"permissions": {}}}}
}

test_write_all_fails if {
	count(permissions.deny) == 1 with input as {"permissions": "write-all", "jobs": {"a": {}}}
	count(permissions.deny) == 1 with input as {"permissions": {}, "jobs": {"a": {"permissions": "write-all"}}}
}
