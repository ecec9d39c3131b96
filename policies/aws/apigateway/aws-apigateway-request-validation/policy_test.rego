package assure.aws.apigateway_request_validation_test

import data.assure.aws.apigateway_request_validation as c
import rego.v1

method(body) := {"resource": {"aws_api_gateway_method": {"m": [object.union({"http_method": "POST", "authorization": "NONE"}, body)]}}}

test_method_without_validator_fails if {
	count(c.deny) == 1 with input as method({})
	count(c.deny) == 1 with input as method({"request_validator_id": ""})
}

test_method_with_validator_passes if {
	count(c.deny) == 0 with input as method({"request_validator_id": "${aws_api_gateway_request_validator.body.id}"})
	count(c.resources) == 0 with input as method({"http_method": "OPTIONS"})
}

api(b) := {"resource": {"aws_api_gateway_rest_api": {"a": [{"name": "a", "body": b}]}}}

test_openapi_body if {
	count(c.deny) == 1 with input as api("{\"openapi\":\"3.0.1\",\"paths\":{}}")
	count(c.deny) == 0 with input as api("{\"openapi\":\"3.0.1\",\"x-amazon-apigateway-request-validator\":\"all\"}")
	count(c.resources) == 0 with input as api("${jsonencode(local.spec)}")
	count(c.resources) == 0 with input as {"resource": {"aws_api_gateway_rest_api": {"a": [{"name": "a"}]}}}
}

test_cloudformation if {
	count(c.deny) == 1 with input as {"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "POST"}}}}
	count(c.deny) == 0 with input as {"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "POST", "RequestValidatorId": {"Ref": "V"}}}}}
	count(c.deny) == 0 with input as {"Resources": {"M": {"Type": "AWS::ApiGateway::Method", "Properties": {"HttpMethod": "OPTIONS"}}}}
	count(c.deny) == 1 with input as {"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Body": {"openapi": "3.0.1"}}}}}
	count(c.deny) == 0 with input as {"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Body": {"openapi": "3.0.1", "x-amazon-apigateway-request-validator": "all"}}}}}
	count(c.resources) == 0 with input as {"Resources": {"A": {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Body": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/api.yaml"}}}}}}}
}
