package assure.workflows.actions_pinned_test

import data.assure.workflows.actions_pinned as pinned
import rego.v1

workflow(uses) := {"on": "push", "jobs": {"build": {"runs-on": "ubuntu-latest", "steps": [{"uses": "actions/checkout@v4"}, {"uses": uses}]}}}

test_run_steps_do_not_hide_other_steps if {
	wf := {"jobs": {"build": {"steps": [{"uses": "acme/x@v1"}, {"run": "make"}]}}}
	count(pinned.deny) == 1 with input as wf
}

test_tag_fails if {
	count(pinned.deny) == 1 with input as workflow("aws-actions/configure-aws-credentials@v4")
}

test_sha_passes if {
	count(pinned.deny) == 0 with input as workflow("aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502")
}

test_first_party_is_not_examined if {
	count(pinned.resources) == 0 with input as workflow("actions/setup-go@v5")
}

test_reusable_workflows if {
	inp := {"jobs": {"deploy": {"uses": "acme/workflows/.github/workflows/deploy.yml@main"}}}
	count(pinned.deny) == 1 with input as inp
}
