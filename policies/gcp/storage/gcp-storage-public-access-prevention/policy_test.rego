package assure.gcp.storage_public_access_prevention_test

import data.assure.gcp.storage_public_access_prevention as p
import rego.v1

bucket(body) := {"resource": {"google_storage_bucket": {"b": [body]}}}

test_enforced_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "public_access_prevention": "enforced"})
}

test_missing_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x"})
}

test_inherited_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x", "public_access_prevention": "inherited"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "public_access_prevention": "${var.pap}"})
}
