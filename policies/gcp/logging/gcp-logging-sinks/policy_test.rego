package assure.gcp.logging_sinks_test

import data.assure.gcp.logging_sinks as p
import rego.v1

test_org_sink_with_children_passes if {
	inp := {"resource": {"google_logging_organization_sink": {"s": [{"org_id": "1", "destination": "x", "include_children": true}]}}}
	count(p.deny) == 0 with input as inp
}

test_org_sink_without_children_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_logging_organization_sink": {"s": [{"org_id": "1", "destination": "x"}]}}}
	count(p.deny) == 1 with input as {"resource": {"google_logging_folder_sink": {"s": [{"folder": "f", "destination": "x", "include_children": false}]}}}
}

test_disabled_project_sink_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_logging_project_sink": {"s": [{"destination": "x", "disabled": true}]}}}
}

test_project_sink_passes if {
	count(p.deny) == 0 with input as {"resource": {"google_logging_project_sink": {"s": [{"destination": "x"}]}}}
	count(p.deny) == 0 with input as {"resource": {"google_logging_project_sink": {"s": [{"destination": "x", "disabled": "${var.off}"}]}}}
}
