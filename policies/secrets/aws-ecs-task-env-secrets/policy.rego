# METADATA
# title: ECS task definitions do not keep secrets in container environments
# description: >-
#   A password, token or key written in a container's environment is in the
#   repository and is shown in clear to anyone allowed to describe the task
#   definition; ECS can inject it from Secrets Manager or SSM instead.
# custom:
#   id: aws-ecs-task-env-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_ecs_task_definition, AWS::ECS::TaskDefinition]
#   remediation: >-
#     Move the value to Secrets Manager or SSM Parameter Store and list it under
#     the container's secrets (valueFrom with the secret's ARN) instead of
#     environment; give the task a task role instead of access keys; rotate the
#     committed value.
#   rationale:
#     CC6.1: A credential readable in the task definition and in the repository is outside the access controls that should protect it.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable by anyone who can view the code or the task definition.
#   limitations: >-
#     container_definitions is read when Terraform's evaluation of it is known
#     (a JSON string, jsonencode of known values); when it is not, the
#     environment entries written as literal name and value strings in the
#     expression are still read. Environment files (environmentFiles) and
#     values only known after apply are not seen. In a plan, container
#     definitions that use any value known only after apply (an image from a
#     repository created with them) are unknown as a whole, so not read: scan
#     the HCL as well.
package assure.secrets.aws_ecs_task_env_secrets

import data.assure.lib.cloudformation as cfn
import data.assure.lib.secrets
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_ecs_task_definition")

# Environment entries of a container_definitions value: {container, name, value}.
tf_entries(defs) := json_entries(defs) | expression_entries(defs)

json_entries(defs) := {e |
	is_string(defs)
	json.is_valid(defs)
	containers := json.unmarshal(defs)
	is_array(containers)
	some c in containers
	is_object(c)
	environment := object.get(c, "environment", [])
	is_array(environment)
	some entry in environment
	is_object(entry)
	e := {"container": sprintf("%v", [object.get(c, "name", "?")]), "name": object.get(entry, "name", ""), "value": object.get(entry, "value", null)}
}

# Not evaluated (jsonencode with a value known only after apply): the
# objects of the expression that give a literal name and value.
expression_entries(defs) := {e |
	is_string(defs)
	not json.is_valid(defs)
	some obj in regex.find_n(`\{[^{}]*\}`, defs, -1)
	name := field(obj, "name")
	value := field(obj, "value")
	e := {"container": "?", "name": name, "value": value}
}

field(obj, key) := v if {
	m := regex.find_n(sprintf(`(^|[^A-Za-z0-9_"])"?%s"?[[:space:]]*[=:][[:space:]]*"[^"]*"`, [key]), obj, 1)
	count(m) == 1
	v := trim_suffix(regex.replace(m[0], `^[^=:]*[=:][[:space:]]*"`, ""), "\"")
}

container_name(e) := "a container" if e.container == "?"

else := sprintf("container %s", [e.container])

deny contains {"msg": msg, "resource": r.id, "attribute": "container_definitions"} if {
	some r in tf.resources("aws_ecs_task_definition")
	some e in tf_entries(object.get(r.body, "container_definitions", null))
	what := secrets.describe(e.name, e.value)
	msg := sprintf("%s of ECS task definition %s sets environment variable %s to %s", [container_name(e), r.name, e.name, what])
}

resources contains r.id if some r in cfn.resources("AWS::ECS::TaskDefinition")

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("Properties.ContainerDefinitions[%d].Environment[%d].Value", [i, j])} if {
	some r in cfn.resources("AWS::ECS::TaskDefinition")
	containers := object.get(r.props, "ContainerDefinitions", [])
	is_array(containers)
	some i, c in containers
	is_object(c)
	environment := object.get(c, "Environment", [])
	is_array(environment)
	some j, entry in environment
	is_object(entry)
	name := object.get(entry, "Name", "")
	what := secrets.describe(name, object.get(entry, "Value", null))
	msg := sprintf("container %v of ECS task definition %s sets environment variable %v to %s", [object.get(c, "Name", i), r.id, name, what])
}
