package assure.gcp.storage_uniform_access_test

import data.assure.gcp.storage_uniform_access as p
import rego.v1

bucket(body) := {"resource": {"google_storage_bucket": {"b": [body]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "uniform_bucket_level_access": true})
}

test_missing_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x"})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x", "uniform_bucket_level_access": false})
}

test_old_name_accepted if {
	count(p.deny) == 0 with input as bucket({"name": "x", "bucket_policy_only": true})
	count(p.deny) == 1 with input as bucket({"name": "x", "bucket_policy_only": "false"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "uniform_bucket_level_access": "${var.ubla}"})
}
