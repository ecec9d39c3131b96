package assure.dockerfile.secrets_test

import data.assure.dockerfile.secrets
import rego.v1

image(i) := [{"Cmd": "from", "Value": ["alpine:3.20"], "Stage": 0, "Line": 1}, object.union({"Stage": 0, "Line": 2}, i)]

test_literal_secrets_fail if {
	count(secrets.deny) == 1 with input as image({"Cmd": "env", "Value": ["DB_PASSWORD", "hunter2", "PORT", "8080"]})
	count(secrets.deny) == 1 with input as image({"Cmd": "arg", "Value": ["NPM_TOKEN=abc"]})
}

test_references_and_plain_settings_pass if {
	count(secrets.deny) == 0 with input as image({"Cmd": "env", "Value": ["API_TOKEN", "${API_TOKEN}"]})
	count(secrets.deny) == 0 with input as image({"Cmd": "arg", "Value": ["NPM_TOKEN"]})
	count(secrets.deny) == 0 with input as image({"Cmd": "env", "Value": ["PORT", "8080"]})
}
