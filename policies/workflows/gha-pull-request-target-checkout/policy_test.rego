package assure.workflows.pull_request_target_test

import data.assure.workflows.pull_request_target as prt
import rego.v1

workflow(on, ref) := {"on": on, "jobs": {"build": {"steps": [{"uses": "actions/checkout@v4", "with": {"ref": ref}}]}}}

test_head_checkout_fails if {
	count(prt.deny) == 1 with input as workflow("pull_request_target", "${{ github.event.pull_request.head.sha }}")
	count(prt.deny) == 1 with input as workflow({"pull_request_target": {"types": ["opened"]}}, "${{ github.head_ref }}")
}

test_base_checkout_and_other_events_pass if {
	count(prt.deny) == 0 with input as workflow(["pull_request_target"], "main")
	count(prt.deny) == 0 with input as workflow("pull_request", "${{ github.event.pull_request.head.sha }}")
}
