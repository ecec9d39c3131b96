package assure.gcp.gke_shielded_nodes_test

import data.assure.gcp.gke_shielded_nodes as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_defaults_pass if {
	count(p.deny) == 0 with input as cluster({})
	count(p.deny) == 0 with input as cluster({"enable_shielded_nodes": "${var.shielded}"})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as cluster({"enable_shielded_nodes": false})
}

test_integrity_monitoring_off_fails if {
	inp := {"resource": {"google_container_node_pool": {"np": [{"cluster": "c", "node_config": [{"shielded_instance_config": [{"enable_integrity_monitoring": false}]}]}]}}}
	count(p.deny) == 1 with input as inp
}
