package assure.gcp.gke_legacy_abac_test

import data.assure.gcp.gke_legacy_abac as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_abac_fails if {
	count(p.deny) == 1 with input as cluster({"enable_legacy_abac": true})
	count(p.deny) == 1 with input as cluster({"enable_legacy_abac": "true"})
}

test_default_passes if {
	count(p.deny) == 0 with input as cluster({})
	count(p.deny) == 0 with input as cluster({"enable_legacy_abac": false})
	count(p.deny) == 0 with input as cluster({"enable_legacy_abac": "${var.abac}"})
}
