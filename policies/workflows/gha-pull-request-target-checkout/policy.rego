# METADATA
# title: pull_request_target workflows do not check out the pull request's code
# description: >-
#   pull_request_target runs with the base repository's secrets and a write
#   token. Checking out and running the pull request's head in it lets any
#   outside contributor run code with those secrets.
# custom:
#   id: gha-pull-request-target-checkout
#   severity: critical
#   soc2: [CC6.8, CC8.1, CC6.1]
#   soc1: [ITGC-CM-2]
#   inputs: [github-workflow]
#   remediation: Use the pull_request event for building untrusted code, or split the workflow so the privileged part never checks out the pull request head.
package assure.workflows.pull_request_target

import rego.v1

triggers contains t if {
	is_string(input.on)
	t := input.on
}

triggers contains t if {
	is_array(input.on)
	some t in input.on
}

triggers contains t if {
	is_object(input.on)
	some t, _ in input.on
}

head_ref(ref) if contains(ref, "github.event.pull_request.head")

head_ref(ref) if contains(ref, "github.head_ref")

resources contains sprintf("jobs.%s", [id]) if {
	"pull_request_target" in triggers
	some id, _ in input.jobs
}

deny contains {"msg": msg, "resource": sprintf("jobs.%s", [id]), "attribute": sprintf("steps[%d].with.ref", [i])} if {
	"pull_request_target" in triggers
	some id, job in input.jobs
	some i, step in job.steps
	uses := step.uses
	startswith(uses, "actions/checkout")
	ref := step["with"].ref
	head_ref(ref)
	msg := sprintf("job %s checks out the pull request head in a pull_request_target workflow", [id])
}
