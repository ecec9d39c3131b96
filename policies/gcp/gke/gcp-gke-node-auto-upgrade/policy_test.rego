package assure.gcp.gke_node_auto_upgrade_test

import data.assure.gcp.gke_node_auto_upgrade as p
import rego.v1

pool(body) := {"resource": {"google_container_node_pool": {"np": [object.union({"cluster": "c"}, body)]}}}

test_default_passes if {
	count(p.deny) == 0 with input as pool({})
	count(p.deny) == 0 with input as pool({"management": [{"auto_repair": true, "auto_upgrade": true}]})
	count(p.deny) == 0 with input as pool({"management": [{"auto_upgrade": "${var.upgrade}"}]})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as pool({"management": [{"auto_upgrade": false}]})
}

test_inline_pool_fails if {
	inp := {"resource": {"google_container_cluster": {"c": [{"name": "c", "node_pool": [{"name": "a"}, {"name": "b", "management": [{"auto_upgrade": false}]}]}]}}}
	count(p.deny) == 1 with input as inp
}
