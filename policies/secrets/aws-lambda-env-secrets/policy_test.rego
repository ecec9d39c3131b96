package assure.secrets.aws_lambda_env_secrets_test

import data.assure.secrets.aws_lambda_env_secrets as c
import rego.v1

fn(variables) := {"resource": {"aws_lambda_function": {"f": [{"function_name": "f", "environment": [{"variables": variables}]}]}}}

cfn_fn(env) := {"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12", "Environment": env}}}}

test_literal_secrets_fail if {
	found := c.deny with input as fn({"access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "LOG_LEVEL": "info"})
	{f.msg | some f in found} == {
		"Lambda function f sets environment variable access_key to an AWS access key id",
		"Lambda function f sets environment variable secret_key to a literal value",
	}
	{f.attribute | some f in found} == {"environment.variables.access_key", "environment.variables.secret_key"}
}

test_key_format_under_any_name_fails if {
	count(c.deny) == 1 with input as fn({"SLACK": "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"})
}

test_references_pass if {
	count(c.deny) == 0 with input as fn({"DB_PASSWORD": "${aws_secretsmanager_secret_version.db.secret_string}", "DB_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf", "TOKEN_TTL": "3600"})
	count(c.deny) == 0 with input as fn("${local.env}")
	count(c.deny) == 0 with input as {"resource": {"aws_lambda_function": {"f": [{"function_name": "f"}]}}}
	count(c.resources) == 1 with input as {"resource": {"aws_lambda_function": {"f": [{"function_name": "f"}]}}}
}

test_cloudformation if {
	found := c.deny with input as cfn_fn({"Variables": {"API_TOKEN": "s3cr3t-t0ken", "DB_PASSWORD": {"Ref": "DbPassword"}, "STRIPE_KEY": "{{resolve:secretsmanager:stripe:SecretString:key}}"}})
	{f.attribute | some f in found} == {"Properties.Environment.Variables.API_TOKEN"}
	count(c.deny) == 0 with input as cfn_fn({"Fn::If": ["Prod", {"Variables": {}}, {"Variables": {}}]})
	count(c.deny) == 0 with input as {"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {}}}}
}
