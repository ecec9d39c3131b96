package assure.gcp.storage_access_logging_test

import data.assure.gcp.storage_access_logging as p
import rego.v1

test_logged_bucket_and_log_target_pass if {
	inp := {"resource": {"google_storage_bucket": {
		"data": [{"name": "data", "logging": [{"log_bucket": "${google_storage_bucket.logs.name}"}]}],
		"logs": [{"name": "logs"}],
	}}}
	count(p.deny) == 0 with input as inp
	p.resources == {"google_storage_bucket.data"} with input as inp
}

test_log_target_by_literal_name if {
	inp := {"resource": {"google_storage_bucket": {
		"data": [{"name": "data", "logging": [{"log_bucket": "acme-logs"}]}],
		"logs": [{"name": "acme-logs"}],
	}}}
	count(p.deny) == 0 with input as inp
}

test_missing_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_storage_bucket": {"b": [{"name": "x"}]}}}
}

test_unknown_log_bucket_passes if {
	count(p.deny) == 0 with input as {"resource": {"google_storage_bucket": {"b": [{"name": "x", "logging": [{"log_bucket": "${var.logs}"}]}]}}}
}

test_null_log_bucket_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_storage_bucket": {"b": [{"name": "x", "logging": [{"log_bucket": null}]}]}}}
}
