package assure.secrets.aws_ecs_task_env_secrets_test

import data.assure.secrets.aws_ecs_task_env_secrets as c
import rego.v1

task(defs) := {"resource": {"aws_ecs_task_definition": {"t": [{"family": "t", "container_definitions": defs}]}}}

test_json_environment_fails if {
	defs := json.marshal([{"name": "app", "image": "x", "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}, {"name": "LOG", "value": "info"}], "secrets": [{"name": "API_TOKEN", "valueFrom": "arn:aws:ssm:eu-west-1:1:parameter/t"}]}])
	found := c.deny with input as task(defs)
	{f.msg | some f in found} == {"container app of ECS task definition t sets environment variable DB_PASSWORD to a literal value"}
}

test_unevaluated_jsonencode_fails if {
	defs := "${jsonencode([{ name = \"app\", image = aws_ecr_repository.x.repository_url, environment = [{ name = \"API_TOKEN\", value = \"abc123xyz\" }, { name = \"DB_PASSWORD\", value = var.db_password }] }])}"
	found := c.deny with input as task(defs)
	{f.msg | some f in found} == {"a container of ECS task definition t sets environment variable API_TOKEN to a literal value"}
}

test_references_and_shapes_pass if {
	count(c.deny) == 0 with input as task(json.marshal([{"name": "app", "environment": [{"name": "DB_PASSWORD", "value": "${DB_PASSWORD}"}, {"name": "TOKEN_TTL", "value": "60"}]}]))
	count(c.deny) == 0 with input as task("${file(\"task.json\")}")
	count(c.deny) == 0 with input as task(json.marshal({"not": "a list"}))
	count(c.deny) == 0 with input as task(json.marshal([{"name": "app", "environment": "x"}]))
	count(c.deny) == 0 with input as task(null)
}

test_cloudformation if {
	tpl := {"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "app", "Environment": [{"Name": "LOG", "Value": "info"}, {"Name": "API_KEY", "Value": "AIzaSyA1234567890abcdefghijklmnopqrstuv"}, {"Name": "DB_PASSWORD", "Value": {"Ref": "DbPassword"}}]}]}}}}
	found := c.deny with input as tpl
	{f.attribute | some f in found} == {"Properties.ContainerDefinitions[0].Environment[1].Value"}
	{f.msg | some f in found} == {"container app of ECS task definition T sets environment variable API_KEY to a Google API key"}
}
