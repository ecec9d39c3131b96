# Tests of the helper library policies/lib/secrets.rego.
package assure.lib.secrets_test

import data.assure.lib.secrets
import rego.v1

test_secret_names if {
	secrets.secret_name("DB_PASSWORD")
	secrets.secret_name("dbPassword")
	secrets.secret_name("accessKey")
	secrets.secret_name("client-secret")
	secrets.secret_name("db.password")
	secrets.secret_name("DB_PASS")
	secrets.secret_name("MYSQL_PWD")
	secrets.secret_name("secret_key")
	not secrets.secret_name("PWD")
	not secrets.secret_name("PASS_MAX_DAYS")
	not secrets.secret_name("TOKEN_TTL")
	not secrets.secret_name("passwordFile")
	not secrets.secret_name("DB_SECRET_ARN")
	not secrets.secret_name("AWS_ACCESS_KEY_ID")
	not secrets.secret_name("LOG_LEVEL")
	not secrets.secret_name("access_token_scopes")
	not secrets.secret_name("id_token_audience")
	not secrets.secret_name("SECRETS_BACKEND")
	not secrets.secret_name(3)
}

test_references_are_never_credentials if {
	every v in [
		"${var.db_password}", "$DB_PASSWORD", "$(cat /run/secrets/db)", "${{ secrets.TOKEN }}",
		"Bearer ${{ secrets.TOKEN }}", "{{resolve:secretsmanager:db:SecretString:password}}",
		"{{ .Values.password }}", "((db_password))", "#{DbPassword}", "`cat /secret`",
		"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf",
		"arn:aws:ssm:eu-west-1:123456789012:parameter/db/password",
		"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)",
		"vault://secret/db#password", "op://prod/db/password", "/run/secrets/db_password",
		"./keys/service-account.json", "~/.config/token", "/etc/app/secret.txt", "https://vault.example.com/v1/secret/db", "key.json", "", "3600", "true", {"Ref": "DbPassword"}, null,
	] {
		not secrets.credential("DB_PASSWORD", v)
	}
}

test_placeholders_are_not_credentials if {
	every v in ["changeme", "CHANGE_ME", "<password>", "[token]", "xxxxxxxx", "****", "...", "REDACTED", "your-password-here", "your_api_key", "TODO"] {
		not secrets.credential("DB_PASSWORD", v)
	}
}

test_literals_are_credentials if {
	secrets.credential("DB_PASSWORD", "hunter2")
	secrets.credential("DB_PASSWORD", "admin")
	secrets.credential("apiKey", "9f8e7d6c5b4a")
	secrets.credential("secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
	secrets.credential("secret_key", "/K7MDENGbPxRfiCYEXAMPLEKEYwJalrXUtnFEMIab")
	not secrets.credential("LOG_LEVEL", "debug")
	secrets.credential("WEBHOOK_TOKEN", "https://hooks.example.com/in?token=abc123")
	secrets.credential("DB_PASSWORD", "postgres://app:hunter2@db:5432/app")
}

test_provider_formats if {
	secrets.provider_secret_kind("AKIAIOSFODNN7EXAMPLE") == "an AWS access key id"
	secrets.provider_secret("export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE")
	secrets.provider_secret("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\n")
	secrets.provider_secret("-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\\n")
	secrets.provider_secret_kind("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789") == "a GitHub token"
	secrets.provider_secret("github_pat_11ABCDEFG0123456789abc_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")
	secrets.provider_secret("glpat-aBcDeFgHiJkLmNoPqRsT")
	secrets.provider_secret("xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")
	secrets.provider_secret("sk_live_4eC39HqLyjWDarjtT1zdp7dc")
	secrets.provider_secret("AIzaSyA1234567890abcdefghijklmnopqrstuv")
}

test_provider_formats_need_the_whole_shape if {
	every v in [
		"AKIA1234", "XAKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLEX", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
		"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgO\n",
		"ghp_short", "xoxb-your-token-here", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "glpat-", 42,
	] {
		not secrets.provider_secret(v)
	}
}

test_script_secrets if {
	script := concat("\n", [
		"#!/bin/bash",
		"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMAAA",
		"export AWS_SECRET_ACCESS_KEY=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",
		"export DB_PASSWORD=\"$(aws ssm get-parameter --name db)\"",
		"docker run -e API_TOKEN='s3cr3t-t0k3n' app",
		"mysql --password=hunter2 -h db",
		"export REGION=us-west-2",
		"PASSWORD=${DB_PASSWORD}",
	])
	found := secrets.script_secrets(script)
	found == {
		{"line": 2, "name": "", "what": "an AWS access key id"},
		{"line": 3, "name": "AWS_SECRET_ACCESS_KEY", "what": "a literal value"},
		{"line": 5, "name": "API_TOKEN", "what": "a literal value"},
		{"line": 6, "name": "password", "what": "a literal value"},
	}
}

test_private_key_over_lines if {
	script := "#!/bin/sh\ncat > /etc/ssl/app.key <<EOK\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----\nEOK\n"
	secrets.script_secrets(script) == {{"line": 3, "name": "", "what": "a private key"}}
	count(secrets.script_secrets("#!/bin/sh\n# -----BEGIN RSA PRIVATE KEY-----\n# ...\n")) == 0
}

test_cloud_config_keys if {
	found := secrets.script_secrets("#cloud-config\nusers:\n  - name: app\n    plain_text_passwd: hunter2\n    passwd: $6$rounds=4096$abc\n")
	found == {{"line": 4, "name": "plain_text_passwd", "what": "a literal value"}}
	count(secrets.script_secrets("#!/bin/sh\n  password: hunter2\n")) == 0
}

test_base64_user_data_is_decoded if {
	secrets.decoded(base64.encode("#!/bin/sh\nexport DB_PASSWORD=hunter2\n")) == "#!/bin/sh\nexport DB_PASSWORD=hunter2\n"
	secrets.decoded("#!/bin/sh\necho hi\n") == "#!/bin/sh\necho hi\n"
}

test_argument_secrets if {
	secrets.argument_secret([], "administrator_login_password", "AdminPassword123!") == "a literal value"
	secrets.argument_secret(["os_profile"], "admin_password", "P@ssw0rd1234!") == "a literal value"
	secrets.argument_secret(["metadata"], "startup-script", "export K=AKIAIOSFODNN7EXAMPLE") == "an AWS access key id"
	not secrets.argument_secret([], "password", "${var.password}")
	not secrets.argument_secret([], "password", "changeme")
	not secrets.argument_secret([], "http_tokens", "required")
	not secrets.argument_secret([], "HttpTokens", "required")
	not secrets.argument_secret(["token_validity_units"], "access_token", "hours")
	not secrets.argument_secret(["TokenValidityUnits"], "AccessToken", "hours")
	not secrets.argument_secret(["password_validation_policy"], "password_change_interval", "30s")
	not secrets.argument_secret([], "customer_master_key_spec", "RSA_2048")
	not secrets.argument_secret([], "creation_token", "shared")
	not secrets.argument_secret(["GenerateSecretString"], "SecretStringTemplate", "{\"username\": \"api\"}")
	not secrets.argument_secret(["environment", "registry_credential"], "credential", "dockerhub")
	not secrets.argument_secret(["additional_unattend_content"], "pass", "oobeSystem")
}

test_argument_exclusions_leave_the_other_detectors_unchanged if {
	# Settings of scripts and environments are names people choose: the
	# argument-only exclusions do not apply to them.
	secrets.credential("PASS", "oobeSystem1")
	secrets.credential("CREATION_TOKEN", "abc123def")
}
