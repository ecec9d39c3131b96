package assure.kubernetes.secret_env_test

import data.assure.kubernetes.secret_env as se
import rego.v1

pod(env) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "env": env}]}}

test_literal_password_fails if {
	count(se.deny) == 1 with input as pod([{"name": "DB_PASSWORD", "value": "hunter2"}])
}

test_secret_refs_and_other_names_pass if {
	count(se.deny) == 0 with input as pod([{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}])
	count(se.deny) == 0 with input as pod([{"name": "LOG_LEVEL", "value": "info"}])
}

test_settings_about_secrets_are_not_secrets if {
	count(se.deny) == 0 with input as pod([{"name": "TOKEN_TTL", "value": "3600"}, {"name": "DB_PASSWORD_FILE", "value": "/run/secrets/db"}, {"name": "API_KEY_ENABLED", "value": "true"}])
}

test_unnamed_container_env if {
	ksvc := {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": "k"}, "spec": {"template": {"spec": {"containers": [{"image": "k:1", "env": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "DB_PASSWORD", "value": "hunter22"}]}]}}}}
	[d.attribute | some d in se.deny] == ["env[1].value"] with input as ksvc
}
