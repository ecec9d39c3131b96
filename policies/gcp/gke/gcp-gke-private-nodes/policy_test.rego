package assure.gcp.gke_private_nodes_test

import data.assure.gcp.gke_private_nodes as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_private_passes if {
	count(p.deny) == 0 with input as cluster({"private_cluster_config": [{"enable_private_nodes": true, "master_ipv4_cidr_block": "172.16.0.0/28"}]})
}

test_public_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"private_cluster_config": [{"enable_private_nodes": false}]})
}

test_private_node_pools_compensate if {
	inp := {"resource": {
		"google_container_cluster": {"c": [{"name": "c", "remove_default_node_pool": true}]},
		"google_container_node_pool": {"np": [{"cluster": "${google_container_cluster.c.name}", "network_config": [{"enable_private_nodes": true}]}]},
	}}
	count(p.deny) == 0 with input as inp
}

test_public_node_pool_fails if {
	inp := {"resource": {
		"google_container_cluster": {"c": [{"name": "c", "private_cluster_config": [{"enable_private_nodes": true}]}]},
		"google_container_node_pool": {"np": [{"cluster": "${google_container_cluster.c.name}", "network_config": [{"enable_private_nodes": false}]}]},
	}}
	count(p.deny) == 1 with input as inp
}

test_unknown_passes if {
	count(p.deny) == 0 with input as cluster({"private_cluster_config": [{"enable_private_nodes": "${var.private}"}]})
}
