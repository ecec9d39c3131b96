package assure.gcp.gke_node_service_account_test

import data.assure.gcp.gke_node_service_account as p
import rego.v1

pool(cfg) := {"resource": {"google_container_node_pool": {"np": [{"cluster": "c", "node_config": [cfg]}]}}}

test_dedicated_account_passes if {
	count(p.deny) == 0 with input as pool({"service_account": "${google_service_account.nodes.email}"})
}

test_default_account_fails if {
	count(p.deny) == 1 with input as pool({"machine_type": "e2-medium"})
	count(p.deny) == 1 with input as pool({"service_account": "123456-compute@developer.gserviceaccount.com"})
	count(p.deny) == 1 with input as {"resource": {"google_container_node_pool": {"np": [{"cluster": "c"}]}}}
}

test_default_pool_removed_skipped if {
	inp := {"resource": {"google_container_cluster": {"c": [{"name": "c", "remove_default_node_pool": true, "initial_node_count": 1}]}}}
	count(p.resources) == 0 with input as inp
}

test_default_pool_checked if {
	inp := {"resource": {"google_container_cluster": {"c": [{"name": "c", "initial_node_count": 1}]}}}
	count(p.deny) == 1 with input as inp
}

test_autopilot if {
	count(p.deny) == 1 with input as {"resource": {"google_container_cluster": {"c": [{"name": "c", "enable_autopilot": true}]}}}
	inp := {"resource": {"google_container_cluster": {"c": [{"name": "c", "enable_autopilot": true, "cluster_autoscaling": [{"auto_provisioning_defaults": [{"service_account": "nodes@p.iam.gserviceaccount.com"}]}]}]}}}
	count(p.deny) == 0 with input as inp
}
