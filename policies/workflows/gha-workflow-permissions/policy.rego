# METADATA
# title: Workflows limit the GITHUB_TOKEN's permissions
# description: >-
#   Without a permissions block a job's token gets the repository's default,
#   often write to everything; write-all hands any compromised step the power
#   to push code and releases. Least privilege means declaring what each job needs.
# custom:
#   id: gha-workflow-permissions
#   severity: medium
#   soc2: [CC6.3, CC8.1]
#   soc1: [ITGC-LA-2, ITGC-CM-2]
#   inputs: [github-workflow]
#   remediation: Add a top-level permissions block (for example contents read) and widen it per job only where needed; never write-all.
#   rationale:
#     CC6.3: >-
#       A GITHUB_TOKEN with the repository's default or write-all permissions
#       gives every step more access than it needs, contrary to least privilege
#       for workloads.
#     CC8.1: >-
#       A write token lets any step, third-party actions included, push branches,
#       tags or releases outside the reviewed change process.
#     ITGC-LA-2: >-
#       The workflow's token holds broad write access to the repository instead
#       of the minimum each job needs.
#     ITGC-CM-2: >-
#       When every step of the pipeline can write to the repository and its
#       releases, the pipeline is not a controlled path for changes.
#   limitations: >-
#     The default token permissions are set for the repository or organization in
#     GitHub (read-only for newer ones), not in the workflow, so a missing
#     permissions block may be harmless; broad explicit grants such as contents
#     write are not judged.
package assure.workflows.permissions

import rego.v1

resources contains sprintf("jobs.%s", [id]) if some id, _ in input.jobs

top_level_set if "permissions" in object.keys(input)

deny contains {"msg": msg, "resource": sprintf("jobs.%s", [id]), "attribute": "permissions"} if {
	not top_level_set
	some id, job in input.jobs
	not "permissions" in object.keys(job)
	msg := sprintf("job %s has no permissions and the workflow sets none, so it gets the repository's default token permissions", [id])
}

deny contains {"msg": msg, "resource": "permissions"} if {
	input.permissions == "write-all"
	msg := "the workflow grants write-all permissions"
}

deny contains {"msg": msg, "resource": sprintf("jobs.%s", [id]), "attribute": "permissions"} if {
	some id, job in input.jobs
	job.permissions == "write-all"
	msg := sprintf("job %s grants write-all permissions", [id])
}
