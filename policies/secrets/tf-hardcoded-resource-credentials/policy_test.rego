package assure.secrets.tf_hardcoded_resource_credentials_test

import data.assure.secrets.tf_hardcoded_resource_credentials as p
import rego.v1

resource(type, body) := {"resource": {type: {"this": [body]}}}

messages := {d.msg | some d in p.deny}

test_literal_password_is_reported_without_its_value if {
	doc := resource("azurerm_mssql_server", {"administrator_login": "sqladmin", "administrator_login_password": "AdminPassword123!"})
	p.deny == {{
		"msg": "azurerm_mssql_server.this sets administrator_login_password to a literal value",
		"resource": "azurerm_mssql_server.this",
		"attribute": "administrator_login_password",
	}} with input as doc
	p.resources == {"azurerm_mssql_server.this"} with input as doc
}

test_references_empty_values_and_placeholders_are_not_reported if {
	every v in ["${var.password}", "${random_password.db.result}", "prefix-${var.suffix}", "", "changeme", "<password>", "{{resolve:secretsmanager:db}}", "3600", true] {
		count(p.deny) == 0 with input as resource("aws_db_instance", {"password": v})
	}
}

test_nested_blocks_and_maps if {
	vm := resource("azurerm_virtual_machine", {"os_profile": [{"admin_username": "azureuser", "admin_password": "P@ssw0rd1234!"}]})
	{d.attribute | some d in p.deny} == {"os_profile.admin_password"} with input as vm
	app := resource("azurerm_linux_function_app", {"app_settings": {"LOG_LEVEL": "info", "DB_PASSWORD": "hunter2hunter2"}})
	{d.attribute | some d in p.deny} == {"app_settings.DB_PASSWORD"} with input as app
}

test_provider_key_formats_under_any_name if {
	doc := resource("google_compute_instance", {"metadata": {"startup-script": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}})
	messages == {"google_compute_instance.this sets metadata.startup-script to an AWS access key id"} with input as doc
}

test_a_variable_default_is_named if {
	doc := object.union(resource("aws_db_instance", {"password": "Aa1234321Bb"}), {"variable": {"db_password": [{"default": "Aa1234321Bb"}]}})
	messages == {"aws_db_instance.this sets password to a literal value (the default of variable db_password)"} with input as doc
}

test_settings_that_only_mention_a_secret if {
	every doc in [
		resource("aws_launch_template", {"metadata_options": [{"http_tokens": "required"}]}),
		resource("aws_cognito_user_pool_client", {"token_validity_units": [{"access_token": "hours", "refresh_token": "days"}]}),
		resource("aws_kms_key", {"customer_master_key_spec": "RSA_2048"}),
		resource("aws_efs_file_system", {"creation_token": "shared"}),
		resource("aws_lambda_permission", {"event_source_token": "amzn1.ask.skill.1234"}),
		resource("google_sql_database_instance", {"settings": [{"password_validation_policy": [{"password_change_interval": "30s"}]}]}),
		resource("aws_codebuild_project", {"environment": [{"registry_credential": [{"credential": "dockerhub", "credential_provider": "SECRETS_MANAGER"}]}]}),
		resource("azurerm_key_vault_access_policy", {"secret_permissions": ["Get", "List"]}),
		resource("azurerm_windows_virtual_machine", {"additional_unattend_content": [{"pass": "oobeSystem", "setting": "AutoLogon"}]}),
		resource("aws_s3_bucket", {"tags": {"Secret": "internal", "api_token": "team-a"}}),
	] {
		count(p.deny) == 0 with input as doc
	}
}

test_places_other_controls_read_are_left_to_them if {
	every doc in [
		resource("aws_lambda_function", {"environment": [{"variables": {"DB_PASSWORD": "hunter2hunter2"}}]}),
		resource("aws_ecs_task_definition", {"container_definitions": "[{\"environment\":[{\"name\":\"DB_PASSWORD\",\"value\":\"hunter2hunter2\"}]}]"}),
		resource("aws_instance", {"user_data": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}),
		{"provider": {"aws": [{"access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}]}},
	] {
		count(p.deny) == 0 with input as doc
	}
	# A user data argument of a type tf-user-data-secrets does not read.
	count(p.deny) == 1 with input as resource("aws_spot_fleet_request", {"launch_specification": [{"user_data": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}]})
}

test_module_calls_with_a_source_that_is_not_instantiated if {
	remote := {"module": {"db": [{"source": "terraform-aws-modules/rds/aws", "version": "6.0.0", "password": "Remote-Passw0rd"}]}}
	p.deny == {{"msg": "module.db sets password to a literal value", "resource": "module.db", "attribute": "password"}} with input as remote
	local := {"module": {"db": [{"source": "./modules/db", "password": "Local-Passw0rd"}]}}
	count(p.deny) == 0 with input as local
	count(p.resources) == 0 with input as local
}
