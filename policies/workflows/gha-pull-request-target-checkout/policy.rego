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
#   rationale:
#     CC6.8: >-
#       Checking out the pull request head in a pull_request_target workflow runs
#       code from any outside contributor, unreviewed, in a privileged context.
#     CC8.1: >-
#       An outside contributor's code runs with a write token before anyone
#       reviews it, so it can change the repository or its releases outside the
#       review process.
#     CC6.1: >-
#       The repository's secrets and write token become available to anyone who
#       opens a pull request, so access to them is not restricted to authorized
#       users.
#     ITGC-CM-2: >-
#       The pipeline executes unreviewed, untested code with its credentials,
#       which a controlled pipeline must never do.
#   limitations: >-
#     Only actions/checkout steps whose ref names the pull request head are
#     recognised; other ways of fetching the pull request's code (git in run
#     steps, other actions) are not, and whether later steps execute the code is
#     not analysed.
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
