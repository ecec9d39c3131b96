package assure.gcp.logging_bucket_retention_test

import data.assure.gcp.logging_bucket_retention as p
import rego.v1

bucket(body) := {"resource": {"google_logging_project_bucket_config": {"b": [object.union({"project": "p", "location": "global", "bucket_id": "_Default"}, body)]}}}

test_long_retention_passes if {
	count(p.deny) == 0 with input as bucket({"retention_days": 400})
	count(p.deny) == 0 with input as bucket({"retention_days": "365"})
}

test_short_or_missing_fails if {
	count(p.deny) == 1 with input as bucket({"retention_days": 30})
	count(p.deny) == 1 with input as bucket({})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as bucket({"retention_days": "${var.days}"})
}
