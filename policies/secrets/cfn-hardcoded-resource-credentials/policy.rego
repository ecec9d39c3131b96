# METADATA
# title: CloudFormation resources do not hold hard-coded passwords and keys
# description: >-
#   A master password, an auth token or a client secret written as a literal
#   property of a resource is in the repository, in every copy of the template
#   and in the stack's template history: whoever can read them can sign in
#   with it.
# custom:
#   id: cfn-hardcoded-resource-credentials
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [cloudformation]
#   resource_types: []
#   remediation: >-
#     Let the service manage the secret (ManageMasterUserPassword), generate it
#     in Secrets Manager (GenerateSecretString) and read it with a
#     {{resolve:secretsmanager:...}} dynamic reference, or pass a NoEcho
#     parameter; rotate the value that was committed.
#   rationale:
#     CC6.1: A password or key readable by anyone with access to the template bypasses the logical access controls it is meant to enforce.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents, since they let anyone reach the resource with them.
#     ITGC-LA-1: Access to the database or service is no longer restricted to authorized, authenticated users when its credentials are in the source code.
#   limitations: >-
#     A property is reported when its name says it holds a secret
#     (MasterUserPassword, Password, AuthToken, ClientSecret...) and its value is
#     a literal string, or when a string has a provider key format. Intrinsic
#     functions (!Ref, !Sub, !Join, !If...), dynamic references and NoEcho
#     parameters are not literals, and a literal default of a parameter is not
#     read. Secrets under an unremarkable name (name/value pairs such as
#     CodeBuild environment variables, an SSM parameter's Value), in lists of
#     strings or in tags are not seen. User data, Lambda environments and ECS
#     container environments are left to the controls made for them.
package assure.secrets.cfn_hardcoded_resource_credentials

import data.assure.lib.secrets
import rego.v1

# Every resource, whatever its type: resource_types is empty so that every
# template is examined.
blocks contains {"id": id, "type": type, "props": props} if {
	some id, res in object.get(input, "Resources", {})
	is_object(res)
	type := object.get(res, "Type", "")
	props := object.get(res, "Properties", {})
	is_object(props)
}

resources contains b.id if some b in blocks

# What other controls read (cfn-user-data-secrets, aws-lambda-env-secrets,
# aws-ecs-task-env-secrets), by the keys leading to a property (list
# indexes left out).
skipped := {
	"AWS::EC2::Instance": [["UserData"]],
	"AWS::AutoScaling::LaunchConfiguration": [["UserData"]],
	"AWS::EC2::LaunchTemplate": [["LaunchTemplateData", "UserData"]],
	"AWS::Lambda::Function": [["Environment"]],
	"AWS::ECS::TaskDefinition": [["ContainerDefinitions", "Environment"]],
}

skip(type, keys) if {
	some prefix in object.get(skipped, type, [])
	array.slice(keys, 0, count(prefix)) == prefix
}

# Tags are metadata; IAM policy documents hold condition keys and ARNs.
skip(_, keys) if keys[0] == "Tags"

skip(_, keys) if "Statement" in keys

# Every string held by a key at any depth (not list items, so neither the
# arguments of an intrinsic function), as {path, keys, name, value}.
settings(props) := {s |
	walk(props, [path, value])
	is_string(value)
	count(path) > 0
	name := path[count(path) - 1]
	is_string(name)
	keys := [k | some k in path; is_string(k)]
	s := {"path": path, "keys": keys, "name": name, "value": value}
}

# Properties.A.B[0].C, as assure locates attributes.
attribute(path) := concat("", ["Properties", concat("", [step(p) | some p in path])])

step(p) := sprintf(".%s", [p]) if is_string(p)

step(p) := sprintf("[%d]", [p]) if is_number(p)

# One look at the whole template first: most hold no secret-like word.
template_may_hold_secret if secrets.may_hold_secret(object.get(input, "Resources", {}))

deny contains {"msg": msg, "resource": b.id, "attribute": attr} if {
	template_may_hold_secret
	some b in blocks
	secrets.may_hold_secret(b.props)
	some s in settings(b.props)
	not skip(b.type, s.keys)
	what := secrets.argument_secret(array.slice(s.keys, 0, count(s.keys) - 1), s.name, s.value)
	attr := attribute(s.path)
	msg := sprintf("%s (%s) sets %s to %s", [b.id, b.type, substring(attr, count("Properties."), -1), what])
}
