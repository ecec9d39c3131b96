package assure.secrets.compose_environment_secrets_test

import data.assure.secrets.compose_environment_secrets as c
import rego.v1

test_map_and_list_literals_fail if {
	found := c.deny with input as {"services": {
		"db": {"image": "postgres:16", "environment": {"POSTGRES_PASSWORD": "Tr0ub4dor-3", "POSTGRES_USER": "app"}},
		"api": {"image": "acme/api:1", "environment": ["LOG_LEVEL=info", "API_TOKEN=s3cr3t-t0ken", "GITHUB=ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"]},
	}}
	{[f.resource, f.attribute] | some f in found} == {["services.db", "environment.POSTGRES_PASSWORD"], ["services.api", "environment[1]"], ["services.api", "environment[2]"]}
	every f in found {
		not contains(f.msg, "Tr0ub4dor")
	}
}

test_references_pass if {
	count(c.deny) == 0 with input as {"services": {"db": {"image": "postgres:16", "environment": {
		"POSTGRES_PASSWORD": "${POSTGRES_PASSWORD}", "POSTGRES_PASSWORD_FILE": "/run/secrets/db", "TOKEN_TTL": 3600, "API_TOKEN": null, "SECRET": "changeme",
	}}}}
	count(c.deny) == 0 with input as {"services": {"api": {"image": "x", "environment": ["API_TOKEN", "DB_PASSWORD=$DB_PASSWORD"]}}}
	count(c.deny) == 0 with input as {"services": {"api": {"image": "x", "environment": "x"}, "b": "y"}}
	count(c.deny) == 0 with input as {"version": "3"}
}
