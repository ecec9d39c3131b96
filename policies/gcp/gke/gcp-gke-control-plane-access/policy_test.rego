package assure.gcp.gke_control_plane_access_test

import data.assure.gcp.gke_control_plane_access as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_private_endpoint_passes if {
	count(p.deny) == 0 with input as cluster({"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]})
	count(p.deny) == 0 with input as cluster({"control_plane_endpoints_config": [{"ip_endpoints_config": [{"enabled": false}]}]})
}

test_authorized_networks_pass if {
	count(p.deny) == 0 with input as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}]})
	count(p.deny) == 0 with input as cluster({"master_authorized_networks_config": [{}]})
}

test_open_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}, {"cidr_block": "0.0.0.0/0"}]}]})
	count(p.deny) == 1 with input as cluster({"master_authorized_networks_config": [{"gcp_public_cidrs_access_enabled": true}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "${var.cidr}"}]}]})
	count(p.deny) == 0 with input as cluster({"private_cluster_config": [{"enable_private_endpoint": "${var.private}"}]})
}
