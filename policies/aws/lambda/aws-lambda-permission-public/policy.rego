# METADATA
# title: Lambda functions cannot be invoked by everyone
# description: >-
#   A permission that grants lambda:InvokeFunction (or more) to principal "*"
#   with no source ARN, source account or organization lets any AWS account
#   run the function, with its role's access to data, and run up its costs.
# custom:
#   id: aws-lambda-permission-public
#   severity: high
#   soc2: [CC6.1, CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_lambda_permission, AWS::Lambda::Permission]
#   remediation: >-
#     Grant the permission to the service or account that invokes the function
#     (apigateway.amazonaws.com, s3.amazonaws.com, an account id) and set
#     source_arn or source_account (SourceArn, SourceAccount in CloudFormation),
#     or principal_org_id for an organization.
#   rationale:
#     CC6.1: Invocation that IAM does not restrict to identified principals is an exception to logical access controls.
#     CC6.6: A function any AWS account can call is an entry point from outside the system boundary.
#     ITGC-LA-1: Anyone can make the function act on the financial data its role reaches without being an authorized user.
#   limitations: >-
#     Permissions whose principal or conditions are unknown before apply are
#     not judged; a function that authenticates callers in its own code still
#     fails, and the function's resource policy set outside the template is
#     not seen.
package assure.aws.lambda_permission_public

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

everyone(p) if p == "*"

everyone(p) if {
	is_string(p)
	regex.match(`^arn:aws[a-z-]*:iam::\*:root$`, p)
}

resources contains r.id if some r in tf.resources("aws_lambda_permission")

tf_scoped(body) if {
	some k in ["source_arn", "source_account", "principal_org_id"]
	body[k]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "principal"} if {
	some r in tf.resources("aws_lambda_permission")
	everyone(object.get(r.body, "principal", ""))
	not tf_scoped(r.body)
	msg := sprintf("%s lets any AWS principal invoke the function (no source ARN, account or organization)", [r.id])
}

resources contains r.id if some r in cfn.resources("AWS::Lambda::Permission")

cfn_scoped(props) if {
	some k in ["SourceArn", "SourceAccount", "PrincipalOrgID"]
	props[k]
}

deny contains {"msg": msg, "resource": r.id, "attribute": "Properties.Principal"} if {
	some r in cfn.resources("AWS::Lambda::Permission")
	some p in cfn.branches(object.get(r.props, "Principal", ""))
	everyone(p)
	not cfn_scoped(r.props)
	msg := sprintf("permission %s lets any AWS principal invoke the function (no source ARN, account or organization)", [r.id])
}
