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
#     A job is taken to deploy from what it does, never from its name: cloud
#     sign-in and deploy actions, deploy or apply commands in its steps,
#     deployment credentials among its secrets, and deployments or id-token
#     write permission. A deployment hidden inside a script with another name
#     is missed; whether the environment has required reviewers or branch
#     rules is configured in GitHub, outside the workflow.
package assure.workflows.deploy_environment

import rego.v1

# What shows that a job deploys: what it runs and what it may use, never
# its name (a read-only job called "release notes" deploys nothing).

# Actions that sign in to a cloud or a cluster, or deploy.
deploy_actions := {
	"aws-actions/configure-aws-credentials",
	"aws-actions/amazon-ecs-deploy-task-definition",
	"azure/login",
	"azure/webapps-deploy",
	"azure/functions-action",
	"azure/k8s-deploy",
	"azure/aks-set-context",
	"azure/arm-deploy",
	"google-github-actions/auth",
	"google-github-actions/deploy-cloudrun",
	"google-github-actions/deploy-appengine",
	"google-github-actions/deploy-cloud-functions",
	"google-github-actions/get-gke-credentials",
	"pulumi/actions",
	"cloudflare/wrangler-action",
	"superfly/flyctl-actions",
	"digitalocean/app_action",
}

# Commands that change a deployed system, each within one line of a script
# (word boundaries are ASCII ones, which the fast regex engines support).
deploy_commands := [
	`(?-u:\b)(terraform|tofu|terragrunt)[ \t]+([^ \t\n]+[ \t]+)*apply(?-u:\b)`,
	`(?-u:\b)pulumi[ \t]+([^ \t\n]+[ \t]+)*up(?-u:\b)`,
	`(?-u:\b)kubectl[ \t]+([^ \t\n]+[ \t]+)*(apply|create|replace|patch|set[ \t]+image|rollout[ \t]+restart)(?-u:\b)`,
	`(?-u:\b)helm[ \t]+([^ \t\n]+[ \t]+)*(upgrade|install)(?-u:\b)`,
	`(?-u:\b)(cdk|sam|serverless|sls|flyctl|fly|firebase|eb)[ \t]+([^ \t\n]+[ \t]+)*deploy(?-u:\b)`,
	`(?-u:\b)aws[ \t]+(cloudformation[ \t]+(deploy|create-stack|update-stack)|ecs[ \t]+update-service|lambda[ \t]+update-function-code)(?-u:\b)`,
	`(?-u:\b)gcloud[ \t]+([^ \t\n]+[ \t]+)*deploy(?-u:\b)`,
	`(?-u:\b)az[ \t]+(webapp[ \t]+deploy|deployment[ \t]+[^ \t\n]+[ \t]+create|functionapp[ \t]+deploy)(?-u:\b)`,
	`(?-u:\b)(vercel|netlify)(?-u:\b).*--prod(?-u:\b)`,
	# A deploy script or target: ./deploy.sh, make deploy, npm run deploy.
	`(^|[ \t/:])deploy(\.[a-z]+)?([ \t]|$)`,
]

# Secrets that only a deployment needs.
deploy_secret := `(?i)^(AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY)|AZURE_(CREDENTIALS|CLIENT_SECRET)|ARM_CLIENT_SECRET|(GCP|GCLOUD|GOOGLE|GKE)_[A-Za-z0-9_]*(KEY|CREDENTIALS)[A-Za-z0-9_]*|KUBE_?CONFIG[A-Za-z0-9_]*|[A-Za-z0-9_]*DEPLOY[A-Za-z0-9_]*|([A-Za-z0-9_]+_)?PROD(UCTION)?(_[A-Za-z0-9_]+)?|HEROKU_API_KEY|VERCEL_TOKEN|NETLIFY_AUTH_TOKEN|FLY_API_TOKEN|CLOUDFLARE_API_TOKEN|DIGITALOCEAN_ACCESS_TOKEN|[A-Za-z0-9_]*SSH_(PRIVATE_)?KEY)$`

steps(job) := [s | some s in job.steps; is_object(s)] if {
	is_array(job.steps)
} else := []

action_signals(job) := {sprintf("uses %s", [name]) |
	some step in steps(job)
	is_string(step.uses)
	name := lower(split(step.uses, "@")[0])
	name in deploy_actions
}

# The commands as one expression, each line of a script matched on its own
# ((?m): ^ and $ at line ends), run once per step.
deploy_command := concat("", ["(?m)", concat("|", [sprintf("(?:%s)", [p]) | some p in deploy_commands])])

command_signals(job) := {sprintf("runs `%s`", [trim_space(m)]) |
	some step in steps(job)
	is_string(step.run)
	some m in regex.find_n(deploy_command, step.run, 1)
}

secret_signals(job) := {sprintf("uses the secret %s", [name]) |
	text := json.marshal(job)
	contains(text, "secrets.")
	some found in regex.find_all_string_submatch_n(`secrets\.([A-Za-z0-9_]+)`, text, -1)
	name := found[1]
	regex.match(deploy_secret, name)
}

permission_signals(job) := {sprintf("has %s: write", [scope]) |
	is_object(job.permissions)
	some scope in ["deployments", "id-token"]
	job.permissions[scope] == "write"
}

signals(job) := ((action_signals(job) | command_signals(job)) | secret_signals(job)) | permission_signals(job)

# A job that calls a reusable workflow cannot set an environment: the
# called workflow's jobs do, and are examined where they are defined.
deploy_jobs[id] := sort([s | some s in found]) if {
	is_object(input.jobs)
	some id, job in input.jobs
	is_object(job)
	not job.uses
	found := signals(job)
	count(found) > 0
}

resources contains sprintf("jobs.%s", [id]) if some id, _ in deploy_jobs

# The message is the one baselines have matched on since the control was
# written; what shows the job deploys goes with the finding as `signals`.
deny contains {"msg": msg, "resource": sprintf("jobs.%s", [id]), "signals": why} if {
	some id, why in deploy_jobs
	not input.jobs[id].environment
	msg := sprintf("deployment job %s runs without an environment", [id])
}
