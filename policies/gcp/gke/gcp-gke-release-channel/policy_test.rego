package assure.gcp.gke_release_channel_test

import data.assure.gcp.gke_release_channel as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_channel_passes if {
	count(p.deny) == 0 with input as cluster({"release_channel": [{"channel": "REGULAR"}]})
	count(p.deny) == 0 with input as cluster({})
	count(p.deny) == 0 with input as cluster({"release_channel": [{"channel": "${var.channel}"}]})
}

test_unspecified_fails if {
	count(p.deny) == 1 with input as cluster({"release_channel": [{"channel": "UNSPECIFIED"}]})
}
