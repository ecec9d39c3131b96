package assure.gcp.storage_versioning_test

import data.assure.gcp.storage_versioning as p
import rego.v1

bucket(body) := {"resource": {"google_storage_bucket": {"b": [body]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "versioning": [{"enabled": true}]})
}

test_missing_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x"})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x", "versioning": [{"enabled": false}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "versioning": [{"enabled": "${var.v}"}]})
	count(p.deny) == 1 with input as bucket({"name": "x", "versioning": "${var.block}"})
}

test_unknown_dynamic_block_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "dynamic": {"versioning": [{"for_each": "${var.versioning}", "content": [{"enabled": "${versioning.value}"}]}]}})
}
