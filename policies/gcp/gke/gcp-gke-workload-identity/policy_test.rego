package assure.gcp.gke_workload_identity_test

import data.assure.gcp.gke_workload_identity as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_enabled_passes if {
	count(p.deny) == 0 with input as cluster({"workload_identity_config": [{"workload_pool": "proj.svc.id.goog"}]})
	count(p.deny) == 0 with input as cluster({"workload_identity_config": [{"identity_namespace": "proj.svc.id.goog"}]})
	count(p.deny) == 0 with input as cluster({"enable_autopilot": true})
	count(p.deny) == 0 with input as cluster({"workload_identity_config": [{"workload_pool": "${var.project}.svc.id.goog"}]})
}

test_missing_fails if {
	count(p.deny) == 1 with input as cluster({})
}

test_node_pool_metadata_exposed_fails if {
	inp := {"resource": {
		"google_container_cluster": {"c": [{"name": "c", "workload_identity_config": [{"workload_pool": "p.svc.id.goog"}]}]},
		"google_container_node_pool": {"np": [{"cluster": "c", "node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]}]},
	}}
	count(p.deny) == 1 with input as inp
}

test_node_pool_gke_metadata_passes if {
	inp := {"resource": {
		"google_container_cluster": {"c": [{"name": "c", "workload_identity_config": [{"workload_pool": "p.svc.id.goog"}]}]},
		"google_container_node_pool": {"np": [{"cluster": "c", "node_config": [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}]}]},
	}}
	count(p.deny) == 0 with input as inp
}

test_unknown_dynamic_block_passes if {
	count(p.deny) == 0 with input as cluster({"dynamic": {"workload_identity_config": [{"for_each": "${local.wi}", "content": [{"workload_pool": "${workload_identity_config.value}"}]}]}})
}
