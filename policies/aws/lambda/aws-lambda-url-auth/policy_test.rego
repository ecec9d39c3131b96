package assure.aws.lambda_url_auth_test

import data.assure.aws.lambda_url_auth as p
import rego.v1

url(t) := {"resource": {"aws_lambda_function_url": {"u": [{"function_name": "${aws_lambda_function.f.function_name}", "authorization_type": t}]}}}

test_terraform if {
	count(p.deny) == 1 with input as url("NONE")
	count(p.deny) == 0 with input as url("AWS_IAM")
	count(p.deny) == 0 with input as url("${var.auth}")
	count(p.resources) == 1 with input as url("AWS_IAM")
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "NONE", "TargetFunctionArn": {"Ref": "F"}}}}}
	count(p.deny) == 1 with input as {"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": {"Fn::If": ["Dev", "NONE", "AWS_IAM"]}}}}}
	count(p.deny) == 0 with input as {"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": "AWS_IAM"}}}}
	count(p.deny) == 0 with input as {"Resources": {"U": {"Type": "AWS::Lambda::Url", "Properties": {"AuthType": {"Ref": "Auth"}}}}}
}
