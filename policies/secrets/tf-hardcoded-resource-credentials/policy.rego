# METADATA
# title: Terraform resources do not hold hard-coded passwords and keys
# description: >-
#   A database administrator password, a client secret or an API token written
#   as a literal argument of a resource is in the repository, in every clone,
#   fork and log of it, and in the state file: whoever can read the code can
#   sign in with it.
# custom:
#   id: tf-hardcoded-resource-credentials
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: []
#   remediation: >-
#     Generate the secret (random_password) or let the service manage it
#     (manage_master_user_password, Key Vault, Secret Manager), or pass it in a
#     sensitive variable set outside the repository; rotate the value that was
#     committed.
#   rationale:
#     CC6.1: A password or key readable by anyone with access to the repository bypasses the logical access controls it is meant to enforce.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents, since they let anyone reach the resource with them.
#     ITGC-LA-1: Access to the database or service is no longer restricted to authorized, authenticated users when its credentials are in the source code.
#   limitations: >-
#     An argument is reported when its name says it holds a secret (password,
#     administrator_login_password, client_secret, auth_token...) and its value
#     is a literal, or when its value has a provider key format. A literal that
#     reaches the argument through a variable's default or a tfvars file is
#     reported too, on the argument. Secrets under an unremarkable name
#     (azurerm_key_vault_secret value, aws_ssm_parameter value, name/value
#     pairs such as container env blocks), in lists of strings, in tags and
#     labels, and values known only after apply are not seen. Provider blocks,
#     EC2 user data, Lambda environments and ECS container definitions are left
#     to the controls made for them. A module call is read only when its source
#     is not a local folder (a local module is judged through its instances).
package assure.secrets.tf_hardcoded_resource_credentials

import data.assure.lib.secrets
import rego.v1

# Every resource, whatever its type: resource_types is empty so that every
# Terraform module is examined.
blocks contains {"id": sprintf("%s.%s", [type, name]), "type": type, "body": body} if {
	some type, by_name in object.get(input, "resource", {})
	is_object(by_name)
	some name, bodies in by_name
	is_array(bodies)
	some body in bodies
	is_object(body)
}

# A call of a module that is not instantiated (registry, git): its
# arguments are all there is to read.
blocks contains {"id": sprintf("module.%s", [name]), "type": "module", "body": body} if {
	some name, bodies in object.get(input, "module", {})
	is_array(bodies)
	some body in bodies
	is_object(body)
	not local_source(object.get(body, "source", ""))
}

local_source(s) if startswith(s, "./")

local_source(s) if startswith(s, "../")

# Targets: every resource. A call of a module that is not followed is not
# one: finding no secret in its arguments examines nothing of what it
# deploys, and a scan of only such calls must still say "nothing examined".
# A secret found there still makes a failing target of the call.
resources contains b.id if {
	some b in blocks
	b.type != "module"
}

# What other controls read (tf-user-data-secrets, aws-lambda-env-secrets,
# aws-ecs-task-env-secrets), metadata, and a module call's own settings,
# by the leading keys of an argument's path.
skipped := {
	"aws_instance": [["user_data"], ["user_data_base64"]],
	"aws_launch_template": [["user_data"]],
	"aws_launch_configuration": [["user_data"], ["user_data_base64"]],
	"aws_spot_instance_request": [["user_data"], ["user_data_base64"]],
	"aws_lambda_function": [["environment"]],
	"aws_ecs_task_definition": [["container_definitions"]],
	"module": [["source"], ["version"], ["providers"]],
}

always_skipped := [["tags"], ["tags_all"], ["labels"], ["lifecycle"], ["depends_on"]]

skip(type, keys) if {
	some prefix in array.concat(object.get(skipped, type, []), always_skipped)
	array.slice(keys, 0, count(prefix)) == prefix
}

# Every string held by a key at any depth (nested blocks and maps, not
# list items), as {keys, name, value}.
settings(body) := {s |
	walk(body, [path, value])
	is_string(value)
	count(path) > 0
	name := path[count(path) - 1]
	is_string(name)
	keys := [k | some k in path; is_string(k)]
	s := {"keys": keys, "name": name, "value": value}
}

# A note when the literal is the default of a variable: the argument's line
# shows var.x, the value is written where the variable is declared.
origin(v) := sprintf(" (the default of variable %s)", [min(default_of(v))]) if count(default_of(v)) > 0

origin(v) := "" if count(default_of(v)) == 0

default_of(v) := {n |
	some n, decls in object.get(input, "variable", {})
	is_array(decls)
	some d in decls
	is_object(d)
	d["default"] == v
}

# One look at the whole module first: most modules hold no secret-like
# word at all, and then no block needs a look of its own.
module_may_hold_secret if secrets.may_hold_secret([object.get(input, "resource", {}), object.get(input, "module", {})])

deny contains {"msg": msg, "resource": b.id, "attribute": attribute} if {
	module_may_hold_secret
	some b in blocks
	secrets.may_hold_secret(b.body)
	some s in settings(b.body)
	not skip(b.type, s.keys)
	what := secrets.argument_secret(array.slice(s.keys, 0, count(s.keys) - 1), s.name, s.value)
	attribute := concat(".", s.keys)
	msg := sprintf("%s sets %s to %s%s", [b.id, attribute, what, origin(s.value)])
}
