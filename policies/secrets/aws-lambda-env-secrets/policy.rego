# METADATA
# title: Lambda functions do not keep secrets in environment variables
# description: >-
#   A password, token or key written as a Lambda environment variable is in the
#   repository and is shown in clear to anyone allowed to read the function's
#   configuration; the function should fetch it from a secret store instead.
# custom:
#   id: aws-lambda-env-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lambda_function, AWS::Lambda::Function]
#   remediation: >-
#     Keep the secret in Secrets Manager or SSM Parameter Store (SecureString),
#     pass only its name or ARN in the environment and read it at run time;
#     give the function an IAM role instead of access keys; rotate the
#     committed value.
#   rationale:
#     CC6.1: A credential readable in the function's configuration and in the repository is outside the access controls that should protect it.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable by anyone who can view the code or the function.
#   limitations: >-
#     A variable is reported when its name says it holds a secret and its value
#     is a literal, or when its value has a provider key format; a secret under
#     an unremarkable name, or a value only known after apply, is not seen.
#     Placeholders that announce they must be replaced (changeme, <token>) and
#     references (ARNs, {{resolve:...}}, ${...}) are not reported.
package assure.secrets.aws_lambda_env_secrets

import data.assure.lib.cloudformation as cfn
import data.assure.lib.secrets
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_lambda_function")

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("environment.variables.%s", [name])} if {
	some r in tf.resources("aws_lambda_function")
	variables := object.get(tf.block(r.body, "environment"), "variables", {})
	is_object(variables)
	some name, value in variables
	what := secrets.describe(name, value)
	msg := sprintf("Lambda function %s sets environment variable %s to %s", [r.name, name, what])
}

resources contains r.id if some r in cfn.resources("AWS::Lambda::Function")

deny contains {"msg": msg, "resource": r.id, "attribute": sprintf("Properties.Environment.Variables.%s", [name])} if {
	some r in cfn.resources("AWS::Lambda::Function")
	environment := object.get(r.props, "Environment", {})
	is_object(environment)
	variables := object.get(environment, "Variables", {})
	is_object(variables)
	some name, value in variables
	what := secrets.describe(name, value)
	msg := sprintf("Lambda function %s sets environment variable %s to %s", [r.id, name, what])
}
