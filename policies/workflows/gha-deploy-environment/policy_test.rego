package assure.workflows.deploy_environment_test

import data.assure.workflows.deploy_environment as env
import rego.v1

job(steps) := {"runs-on": "ubuntu-latest", "steps": steps}

test_deploy_command_without_environment_fails if {
	count(env.deny) == 1 with input as {"jobs": {"ship": job([{"run": "terraform -chdir=infra apply -auto-approve"}])}}
	count(env.deny) == 1 with input as {"jobs": {"ship": job([{"run": "make build\nkubectl apply -f k8s/"}])}}
	count(env.deny) == 1 with input as {"jobs": {"ship": job([{"run": "./scripts/deploy.sh production"}])}}
	count(env.deny) == 1 with input as {"jobs": {"ship": job([{"run": "helm upgrade --install api ./chart"}])}}
}

test_cloud_sign_in_action_is_a_deployment if {
	some f in env.deny with input as {"jobs": {"cd": job([{"uses": "aws-actions/configure-aws-credentials@v4", "with": {"role-to-assume": "arn:aws:iam::1:role/x"}}])}}
	f.signals == ["uses aws-actions/configure-aws-credentials"]
}

test_deployment_secrets_and_permissions_are_signals if {
	count(env.deny) == 1 with input as {"jobs": {"x": job([{"run": "./go.sh", "env": {"KEY": "${{ secrets.AWS_SECRET_ACCESS_KEY }}"}}])}}
	count(env.deny) == 1 with input as {"jobs": {"x": object.union(job([{"run": "./go.sh"}]), {"permissions": {"id-token": "write"}})}}
	count(env.deny) == 1 with input as {"jobs": {"x": object.union(job([{"run": "./go.sh"}]), {"env": {"T": "${{ secrets.PROD_DB_PASSWORD }}"}})}}
}

# The false positive seen on real repositories: a read-only job named release.
test_names_alone_are_not_deployments if {
	count(env.resources) == 0 with input as {"jobs": {"release-notes": object.union(job([{"run": "git log --oneline > notes.txt"}]), {"name": "Release notes", "permissions": {"contents": "read"}})}}
	count(env.resources) == 0 with input as {"jobs": {"deploy-docs-preview": job([{"run": "mkdocs build"}])}}
	count(env.resources) == 0 with input as {"jobs": {"test": job([{"run": "echo not deploying; terraform plan"}])}}
	count(env.resources) == 0 with input as {"jobs": {"x": job([{"env": {"T": "${{ secrets.GITHUB_TOKEN }}", "P": "${{ secrets.PRODUCT_NAME }}"}, "run": "npm test"}])}}
}

test_environment_passes if {
	count(env.deny) == 0 with input as {"jobs": {"ship": object.union(job([{"run": "terraform apply"}]), {"environment": "production"})}}
	count(env.deny) == 0 with input as {"jobs": {"ship": object.union(job([{"run": "terraform apply"}]), {"environment": {"name": "production", "url": "https://x"}})}}
	count(env.resources) == 1 with input as {"jobs": {"ship": object.union(job([{"run": "terraform apply"}]), {"environment": "production"})}}
}

test_reusable_workflow_calls_and_odd_shapes_are_not_examined if {
	count(env.resources) == 0 with input as {"jobs": {"deploy": {"uses": "./.github/workflows/deploy.yml", "secrets": "inherit"}}}
	count(env.resources) == 0 with input as {"jobs": {"x": {"steps": "${{ fromJSON(inputs.steps) }}"}}}
	count(env.resources) == 0 with input as {"jobs": "broken"}
}

test_a_command_is_matched_within_one_line if {
	count(env.resources) == 0 with input as {"jobs": {"x": job([{"run": "terraform fmt -check\necho apply the formatting"}])}}
	count(env.resources) == 1 with input as {"jobs": {"x": job([{"run": "terraform init\nterraform apply -auto-approve"}])}}
}
