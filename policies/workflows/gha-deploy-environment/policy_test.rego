package assure.workflows.deploy_environment_test

import data.assure.workflows.deploy_environment as env
import rego.v1

test_deploy_without_environment_fails if {
	count(env.deny) == 1 with input as {"jobs": {"deploy-prod": {"runs-on": "ubuntu-latest"}}}
	count(env.deny) == 1 with input as {"jobs": {"cd": {"name": "Release to production"}}}
}

test_environment_and_other_jobs_pass if {
	count(env.deny) == 0 with input as {"jobs": {"deploy": {"environment": "production"}}}
	count(env.resources) == 0 with input as {"jobs": {"test": {"runs-on": "ubuntu-latest"}}}
}

test_reusable_workflow_calls_are_not_examined if {
	count(env.resources) == 0 with input as {"jobs": {"deploy": {"uses": "./.github/workflows/deploy.yml"}}}
}
