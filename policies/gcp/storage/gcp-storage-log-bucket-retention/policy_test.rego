package assure.gcp.storage_log_bucket_retention_test

import data.assure.gcp.storage_log_bucket_retention as p
import rego.v1

with_sink(bucket) := {"resource": {
	"google_logging_project_sink": {"audit": [{"name": "audit", "destination": "storage.googleapis.com/${google_storage_bucket.logs.name}"}]},
	"google_storage_bucket": {"logs": [bucket], "other": [{"name": "other"}]},
}}

test_locked_passes if {
	inp := with_sink({"name": "logs", "retention_policy": [{"retention_period": 31536000, "is_locked": true}]})
	count(p.deny) == 0 with input as inp
	p.resources == {"google_storage_bucket.logs"} with input as inp
}

test_no_policy_fails if {
	count(p.deny) == 1 with input as with_sink({"name": "logs"})
}

test_unlocked_fails if {
	count(p.deny) == 1 with input as with_sink({"name": "logs", "retention_policy": [{"retention_period": 31536000}]})
}

test_unknown_lock_passes if {
	count(p.deny) == 0 with input as with_sink({"name": "logs", "retention_policy": [{"retention_period": 1, "is_locked": "${var.lock}"}]})
}

test_usage_log_target_by_name if {
	inp := {"resource": {"google_storage_bucket": {
		"logs": [{"name": "acme-logs"}],
		"data": [{"name": "data", "logging": [{"log_bucket": "acme-logs"}]}],
	}}}
	count(p.deny) == 1 with input as inp
}

test_plain_buckets_not_examined if {
	inp := {"resource": {"google_storage_bucket": {"data": [{"name": "data"}]}}}
	count(p.resources) == 0 with input as inp
}
