package assure.gcp.gke_logging_monitoring_test

import data.assure.gcp.gke_logging_monitoring as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_defaults_pass if {
	count(p.deny) == 0 with input as cluster({})
	count(p.deny) == 0 with input as cluster({"logging_service": "logging.googleapis.com/kubernetes", "logging_config": [{"enable_components": ["SYSTEM_COMPONENTS", "WORKLOADS"]}]})
}

test_none_fails if {
	count(p.deny) == 2 with input as cluster({"logging_service": "none", "monitoring_service": "none"})
	count(p.deny) == 1 with input as cluster({"logging_config": [{"enable_components": []}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as cluster({"logging_service": "${var.logging}", "logging_config": [{"enable_components": "${var.components}"}]})
}
