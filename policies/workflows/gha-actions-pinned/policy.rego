# METADATA
# title: Third-party GitHub Actions are pinned to a commit SHA
# description: >-
#   A tag or branch of a third-party action can be moved to new code at any
#   time; that code then runs in the pipeline with its secrets and write
#   token. Only a full commit SHA is immutable.
# custom:
#   id: gha-actions-pinned
#   severity: medium
#   soc2: [CC8.1, CC6.8]
#   soc1: [ITGC-CM-2]
#   inputs: [github-workflow]
#   remediation: "Reference third-party actions by full commit SHA: owner/action@<40 hex chars>, with the version in a comment."
#   rationale:
#     CC8.1: >-
#       A tag or branch of a third-party action can be moved to new code at any
#       time, which then runs in the pipeline without any reviewed change to the
#       workflow.
#     CC6.8: >-
#       Pinning actions to a commit SHA is the guard against a compromised
#       third-party action running malicious code with the pipeline's secrets and
#       token.
#     ITGC-CM-2: >-
#       A pipeline that runs third-party code able to change under it is not a
#       controlled path for deploying changes.
#   limitations: >-
#     Actions from actions/ and github/, local actions and docker:// images are
#     trusted as they are; a pinned SHA says nothing about whether that commit is
#     trustworthy, and actions called inside composite or reusable workflows
#     defined elsewhere are not seen.
package assure.workflows.actions_pinned

import rego.v1

# Actions from GitHub itself and local actions are trusted as they are.
first_party(uses) if startswith(uses, "actions/")

first_party(uses) if startswith(uses, "github/")

first_party(uses) if startswith(uses, "./")

first_party(uses) if startswith(uses, "docker://")

pinned(uses) if {
	ref := split(uses, "@")[1]
	regex.match(`^[0-9a-f]{40}$`, ref)
}

# Head values are bound in the body: regorus 0.14.1's interpreter drops a
# whole set when one iteration's head is undefined (a `run:` step has no
# `uses`), so every built-in policy binds what its heads use.
third_party contains {"job": job_id, "index": i, "uses": uses} if {
	some job_id, job in input.jobs
	some i, step in job.steps
	uses := step.uses
	not first_party(uses)
}

third_party contains {"job": job_id, "index": -1, "uses": job.uses} if {
	some job_id, job in input.jobs
	is_string(job.uses)
	not first_party(job.uses)
}

resource(s) := sprintf("jobs.%s", [s.job])

attribute(s) := sprintf("steps[%d].uses", [s.index]) if s.index >= 0

attribute(s) := "uses" if s.index < 0

resources contains resource(s) if some s in third_party

deny contains {"msg": msg, "resource": resource(s), "attribute": attribute(s)} if {
	some s in third_party
	not pinned(s.uses)
	msg := sprintf("job %s uses %s, which is not pinned to a commit SHA", [s.job, s.uses])
}
