# METADATA
# title: Workflows take secrets from GitHub secrets, not literals
# description: >-
#   A token or password written in a workflow's env or with inputs is in the
#   repository for everyone who can read it, and is not masked in the logs;
#   GitHub secrets (${{ secrets.X }}) keep it out of the code and redact it.
# custom:
#   id: gha-hardcoded-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1, ITGC-CM-2]
#   inputs: [github-workflow]
#   remediation: >-
#     Store the value as a repository or environment secret and reference it
#     with ${{ secrets.NAME }} (or use OIDC federation instead of cloud keys);
#     rotate the value that was committed.
#   rationale:
#     CC6.1: A credential readable by anyone with access to the repository is outside the access controls that should protect it.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable in the source code.
#     ITGC-CM-2: Whoever reads a deployment credential from the workflow can deploy outside the controlled pipeline.
#   limitations: >-
#     env at workflow, job and step level, step with inputs, and job container
#     and service env and credentials are read; a secret inside a run script,
#     or under a name that does not say it is one and in no provider key
#     format, is not seen. Expressions (${{ ... }}) are never reported, even
#     when they build a value from literals.
package assure.secrets.gha_hardcoded_secrets

import data.assure.lib.secrets
import rego.v1

jobs := j if {
	j := object.get(input, "jobs", {})
	is_object(j)
} else := {}

resources contains sprintf("jobs.%s", [id]) if some id, _ in jobs

resources contains "env" if is_object(input.env)

# Every map of settings that may hold a secret: {resource, prefix, map}.
maps contains {"resource": "env", "prefix": "", "where": "the workflow's env", "map": input.env} if is_object(input.env)

maps contains {"resource": sprintf("jobs.%s", [id]), "prefix": "env.", "where": sprintf("job %s's env", [id]), "map": job.env} if {
	some id, job in jobs
	is_object(job)
	is_object(job.env)
}

maps contains {"resource": sprintf("jobs.%s", [id]), "prefix": sprintf("steps[%d].%s.", [i, key]), "where": sprintf("step %d of job %s (%s)", [i + 1, id, key]), "map": step[key]} if {
	some id, job in jobs
	is_object(job)
	is_array(job.steps)
	some i, step in job.steps
	is_object(step)
	some key in ["env", "with"]
	is_object(step[key])
}

# The job's container and service containers: env and credentials.
containers contains {"id": id, "path": "container", "name": "container", "spec": job.container} if {
	some id, job in jobs
	is_object(job)
	is_object(job.container)
}

containers contains {"id": id, "path": sprintf("services.%s", [name]), "name": sprintf("service %s", [name]), "spec": spec} if {
	some id, job in jobs
	is_object(job)
	is_object(job.services)
	some name, spec in job.services
	is_object(spec)
}

maps contains {"resource": sprintf("jobs.%s", [c.id]), "prefix": sprintf("%s.%s.", [c.path, key]), "where": sprintf("the %s of job %s (%s)", [c.name, c.id, key]), "map": c.spec[key]} if {
	some c in containers
	some key in ["env", "credentials"]
	is_object(c.spec[key])
}

deny contains {"msg": msg, "resource": m.resource, "attribute": sprintf("%s%s", [m.prefix, name])} if {
	some m in maps
	some name, value in m.map
	what := secrets.describe(name, value)
	msg := sprintf("%s sets %s to %s instead of a secret", [m.where, name, what])
}
