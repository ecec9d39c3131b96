package assure.secrets.cfn_hardcoded_resource_credentials_test

import data.assure.secrets.cfn_hardcoded_resource_credentials as p
import rego.v1

template(type, props) := {"Resources": {"R": {"Type": type, "Properties": props}}}

attributes := {d.attribute | some d in p.deny}

test_literal_password_is_reported_without_its_value if {
	doc := template("AWS::RDS::DBInstance", {"MasterUsername": "admin", "MasterUserPassword": "Orders-Passw0rd-2024"})
	p.deny == {{
		"msg": "R (AWS::RDS::DBInstance) sets MasterUserPassword to a literal value",
		"resource": "R",
		"attribute": "Properties.MasterUserPassword",
	}} with input as doc
	p.resources == {"R"} with input as doc
}

test_functions_references_and_placeholders_are_not_literals if {
	every v in [
		{"Ref": "DbPassword"}, {"Fn::Sub": "{{resolve:secretsmanager:${Secret}}}"},
		{"Fn::Join": ["", ["abc", "def"]]}, {"Fn::If": ["Prod", {"Ref": "DbPassword"}, "literal-in-a-branch"]},
		"{{resolve:secretsmanager:db:SecretString:password}}", "{{resolve:ssm-secure:/db/password:1}}",
		"", "changeme", "<password>", "${DbPassword}",
	] {
		count(p.deny) == 0 with input as template("AWS::RDS::DBInstance", {"MasterUserPassword": v})
	}
}

test_nested_properties_and_lists_of_objects if {
	attributes == {"Properties.Users[0].Password"} with input as template("AWS::AmazonMQ::Broker", {"Users": [{"Username": "u", "Password": "ev3nts-br0ker-pw"}]})
	attributes == {"Properties.AuthParameters.ApiKeyAuthParameters.ApiKeyValue"} with input as template("AWS::Events::Connection", {"AuthParameters": {"ApiKeyAuthParameters": {"ApiKeyName": "x-api-key", "ApiKeyValue": "9f8e7d6c5b4a"}}})
}

test_provider_key_formats_under_any_name if {
	attributes == {"Properties.Parameters.UpstreamKeyId"} with input as template("AWS::CloudFormation::Stack", {"Parameters": {"UpstreamKeyId": "AKIAIOSFODNN7EXAMPLE"}})
}

test_properties_that_only_mention_a_secret if {
	every doc in [
		template("AWS::SecretsManager::Secret", {"GenerateSecretString": {"SecretStringTemplate": "{\"username\": \"api\"}", "GenerateStringKey": "password"}}),
		template("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}}),
		template("AWS::Cognito::UserPoolClient", {"TokenValidityUnits": {"AccessToken": "hours"}}),
		template("Custom::Cleanup", {"ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:cleanup"}),
		template("AWS::CodeBuild::Project", {"Environment": {"RegistryCredential": {"Credential": "dockerhub", "CredentialProvider": "SECRETS_MANAGER"}}}),
		template("AWS::S3::Bucket", {"Tags": [{"Key": "Secret", "Value": "internal"}]}),
		template("AWS::IAM::Role", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Condition": {"StringEquals": {"aws:TokenIssueTime": "2024-01-01"}}}]}}),
		template("AWS::Lambda::Permission", {"EventSourceToken": "amzn1.ask.skill.1234"}),
	] {
		count(p.deny) == 0 with input as doc
	}
}

test_places_other_controls_read_are_left_to_them if {
	every doc in [
		template("AWS::Lambda::Function", {"Environment": {"Variables": {"DB_PASSWORD": "hunter2hunter2"}}}),
		template("AWS::ECS::TaskDefinition", {"ContainerDefinitions": [{"Environment": [{"Name": "K", "Value": "AKIAIOSFODNN7EXAMPLE"}]}]}),
		template("AWS::EC2::Instance", {"UserData": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}),
		template("AWS::AutoScaling::LaunchConfiguration", {"UserData": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}),
		template("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {"UserData": "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"}}),
	] {
		count(p.deny) == 0 with input as doc
	}
	# SAM functions are not read by aws-lambda-env-secrets: read here.
	attributes == {"Properties.Environment.Variables.DB_PASSWORD"} with input as template("AWS::Serverless::Function", {"Environment": {"Variables": {"DB_PASSWORD": "hunter2hunter2"}}})
}
