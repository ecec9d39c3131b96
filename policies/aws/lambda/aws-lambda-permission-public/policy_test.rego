package assure.aws.lambda_permission_public_test

import data.assure.aws.lambda_permission_public as p
import rego.v1

perm(body) := {"resource": {"aws_lambda_permission": {"p": [object.union({"action": "lambda:InvokeFunction", "function_name": "${aws_lambda_function.f.function_name}"}, body)]}}}

test_public_permission_fails if {
	count(p.deny) == 1 with input as perm({"principal": "*"})
	count(p.deny) == 1 with input as perm({"principal": "*", "function_url_auth_type": "NONE", "action": "lambda:InvokeFunctionUrl"})
}

test_scoped_permissions_pass if {
	count(p.deny) == 0 with input as perm({"principal": "*", "source_arn": "${aws_api_gateway_rest_api.api.execution_arn}/*"})
	count(p.deny) == 0 with input as perm({"principal": "*", "principal_org_id": "o-abc"})
	count(p.deny) == 0 with input as perm({"principal": "s3.amazonaws.com", "source_account": "111122223333"})
	count(p.deny) == 0 with input as perm({"principal": "apigateway.amazonaws.com"})
	count(p.deny) == 0 with input as perm({"principal": "${var.principal}"})
}

cfn_perm(props) := {"Resources": {"P": {"Type": "AWS::Lambda::Permission", "Properties": object.union({"Action": "lambda:InvokeFunction", "FunctionName": {"Ref": "F"}}, props)}}}

test_cloudformation if {
	count(p.deny) == 1 with input as cfn_perm({"Principal": "*"})
	count(p.deny) == 1 with input as cfn_perm({"Principal": {"Fn::If": ["Open", "*", "sns.amazonaws.com"]}})
	count(p.deny) == 0 with input as cfn_perm({"Principal": "*", "SourceArn": {"Ref": "Topic"}})
	count(p.deny) == 0 with input as cfn_perm({"Principal": "events.amazonaws.com"})
}
