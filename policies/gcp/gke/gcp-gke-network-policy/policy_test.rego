package assure.gcp.gke_network_policy_test

import data.assure.gcp.gke_network_policy as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as cluster({"network_policy": [{"enabled": true, "provider": "CALICO"}]})
	count(p.deny) == 0 with input as cluster({"datapath_provider": "ADVANCED_DATAPATH"})
	count(p.deny) == 0 with input as cluster({"enable_autopilot": true})
}

test_missing_or_disabled_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"network_policy": [{"enabled": false}]})
	count(p.deny) == 1 with input as cluster({"datapath_provider": "LEGACY_DATAPATH"})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as cluster({"network_policy": [{"enabled": "${var.np}"}]})
}
