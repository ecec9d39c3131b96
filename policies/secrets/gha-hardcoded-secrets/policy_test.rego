package assure.secrets.gha_hardcoded_secrets_test

import data.assure.secrets.gha_hardcoded_secrets as c
import rego.v1

test_literals_at_every_level_fail if {
	wf := {
		"on": "push",
		"env": {"NPM_TOKEN": "npm_abcdef0123456789", "NODE_ENV": "production"},
		"jobs": {"deploy": {
			"runs-on": "ubuntu-latest",
			"env": {"AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
			"container": {"image": "node:20", "credentials": {"username": "bot", "password": "hunter2"}},
			"services": {"db": {"image": "postgres:16", "env": {"POSTGRES_PASSWORD": "postgres"}}},
			"steps": [
				{"uses": "actions/checkout@v4"},
				{"run": "make deploy", "env": {"GH": "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"}},
				{"uses": "docker/login-action@v3", "with": {"username": "bot", "password": "Tr0ub4dor-3"}},
			],
		}},
	}
	found := c.deny with input as wf
	{[f.resource, f.attribute] | some f in found} == {
		["env", "NPM_TOKEN"],
		["jobs.deploy", "env.AWS_SECRET_ACCESS_KEY"],
		["jobs.deploy", "container.credentials.password"],
		["jobs.deploy", "services.db.env.POSTGRES_PASSWORD"],
		["jobs.deploy", "steps[1].env.GH"],
		["jobs.deploy", "steps[2].with.password"],
	}
	some f in found
	f.msg == "step 2 of job deploy (env) sets GH to a GitHub token instead of a secret"
}

test_secrets_references_pass if {
	wf := {"env": {"NPM_TOKEN": "${{ secrets.NPM_TOKEN }}"}, "jobs": {"build": {
		"env": {"TOKEN": "Bearer ${{ secrets.API }}", "TOKEN_TTL": 60},
		"steps": [{"with": {"password": "${{ secrets.REGISTRY_PASSWORD }}", "token": "${{ github.token }}"}}, {"run": "echo"}],
	}}}
	count(c.deny) == 0 with input as wf
	count(c.resources) == 2 with input as wf
}

test_odd_shapes_do_not_error if {
	count(c.deny) == 0 with input as {"jobs": {"a": {"uses": "./.github/workflows/x.yml", "with": {"password": "x"}, "steps": "x", "env": "${{ fromJSON(x) }}"}}}
	count(c.deny) == 0 with input as {"jobs": "x"}
	count(c.deny) == 0 with input as {"on": "push"}
}
