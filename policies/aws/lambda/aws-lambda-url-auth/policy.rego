# METADATA
# title: Lambda function URLs require IAM authentication
# description: >-
#   A function URL with authorization type NONE is a public HTTPS endpoint:
#   anyone on the internet can invoke the function, with its role's access to
#   data, unless the code checks every caller itself.
# custom:
#   id: aws-lambda-url-auth
#   severity: high
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lambda_function_url, AWS::Lambda::Url]
#   remediation: >-
#     Set authorization_type = "AWS_IAM" (AuthType in CloudFormation) and sign
#     requests, or put the function behind API Gateway with an authorizer.
#   rationale:
#     CC6.1: An endpoint that authenticates no caller leaves access to the function outside logical access controls.
#     CC6.6: The URL is an unauthenticated entry point through the system boundary from the internet.
#     ITGC-LA-1: Anyone can make the function act on the financial data its role reaches without being an authorized user.
#   limitations: >-
#     Functions that authenticate callers in their code (webhook signatures,
#     tokens) fail and should be waived; a value unknown before apply is not
#     judged.
package assure.aws.lambda_url_auth

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("aws_lambda_function_url")

deny contains {"msg": msg, "resource": r.id, "attribute": "authorization_type"} if {
	some r in tf.resources("aws_lambda_function_url")
	upper(sprintf("%v", [object.get(r.body, "authorization_type", "")])) == "NONE"
	msg := sprintf("%s lets anyone on the internet invoke the function (authorization_type NONE)", [r.id])
}

resources contains r.id if some r in cfn.resources("AWS::Lambda::Url")

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.AuthType"} if {
	some r in cfn.resources("AWS::Lambda::Url")
	some v in cfn.branches(object.get(r.props, "AuthType", ""))
	upper(sprintf("%v", [v])) == "NONE"
	msg := sprintf("function URL %s lets anyone on the internet invoke the function (AuthType NONE)", [r.id])
}
