package assure.azure.aks_api_server_access_test

import data.assure.azure.aks_api_server_access as p
import rego.v1

cluster(body) := {"resource": {"azurerm_kubernetes_cluster": {"c": [body]}}}

test_public_open_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"private_cluster_enabled": false})
	count(p.deny) == 1 with input as cluster({"api_server_access_profile": [{"authorized_ip_ranges": []}]})
}

test_world_range_fails if {
	count(p.deny) == 1 with input as cluster({"api_server_access_profile": [{"authorized_ip_ranges": ["0.0.0.0/0"]}]})
	count(p.deny) == 1 with input as cluster({"api_server_authorized_ip_ranges": ["203.0.113.0/24", "0.0.0.0/0"]})
}

test_private_or_restricted_passes if {
	count(p.deny) == 0 with input as cluster({"private_cluster_enabled": true})
	count(p.deny) == 0 with input as cluster({"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})
	count(p.deny) == 0 with input as cluster({"api_server_authorized_ip_ranges": ["203.0.113.0/24"]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as cluster({"api_server_access_profile": [{"authorized_ip_ranges": "${var.ranges}"}]})
	count(p.deny) == 0 with input as cluster({"private_cluster_enabled": "${var.private}"})
}
