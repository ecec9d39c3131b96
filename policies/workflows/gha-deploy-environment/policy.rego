# METADATA
# title: Deployment jobs use a protected environment
# description: >-
#   A GitHub environment is where deployment approvals, wait timers and
#   branch restrictions live; a deploy job without one ships to production
#   with no approval gate.
# custom:
#   id: gha-deploy-environment
#   severity: medium
#   soc2: [CC8.1]
#   soc1: [ITGC-CM-1, ITGC-CM-2]
#   inputs: [github-workflow]
#   remediation: Add environment to the job (for example environment production) and configure required reviewers on that environment.
#   rationale:
#     CC8.1: >-
#       A deployment job without an environment ships to production with no
#       approval gate, so deployments are not authorized before they happen.
#     ITGC-CM-1: >-
#       Without an environment's required reviewers, nobody other than the person
#       who triggers the workflow approves the deployment.
#     ITGC-CM-2: >-
#       The job bypasses the environment's deployment controls (approvals, branch
#       restrictions, wait timers) that make the pipeline a controlled path to
#       production.
#   limitations: >-
#     Deployment jobs are recognised by words in their id or name (deploy,
#     release, publish, rollout), so others are missed and some are reported
#     wrongly; whether the environment has required reviewers or branch rules is
#     configured in GitHub, outside the workflow.
package assure.workflows.deploy_environment

import rego.v1

deploy_words := ["deploy", "release", "publish", "rollout"]

deploys(id, job) if {
	some w in deploy_words
	contains(lower(id), w)
}

deploys(id, job) if {
	some w in deploy_words
	contains(lower(object.get(job, "name", "")), w)
}

# A job that calls a reusable workflow cannot set an environment: the
# called workflow's jobs do, and are examined where they are defined.
deploy_jobs contains id if {
	some id, job in input.jobs
	not job.uses
	deploys(id, job)
}

resources contains sprintf("jobs.%s", [id]) if some id in deploy_jobs

deny contains {"msg": msg, "resource": sprintf("jobs.%s", [id])} if {
	some id in deploy_jobs
	not input.jobs[id].environment
	msg := sprintf("deployment job %s runs without an environment", [id])
}
