package assure.aws.apigateway_access_logging_test

import data.assure.aws.apigateway_access_logging as p
import rego.v1

test_stages_without_access_logs_fail if {
	count(p.deny) == 1 with input as {"resource": {"aws_api_gateway_stage": {"prod": [{"stage_name": "prod"}]}}}
	count(p.deny) == 1 with input as {"resource": {"aws_apigatewayv2_stage": {"prod": [{"name": "prod", "access_log_settings": [{"format": "$context.requestId"}]}]}}}
}

test_stages_with_access_logs_pass if {
	settings := [{"destination_arn": "${aws_cloudwatch_log_group.api.arn}", "format": "$context.requestId"}]
	count(p.deny) == 0 with input as {"resource": {"aws_api_gateway_stage": {"prod": [{"access_log_settings": settings}]}}}
	count(p.deny) == 0 with input as {"resource": {"aws_apigatewayv2_stage": {"prod": [{"access_log_settings": settings}]}}}
}

test_cloudformation if {
	count(p.deny) == 1 with input as {"Resources": {"S": {"Type": "AWS::ApiGateway::Stage", "Properties": {"StageName": "prod"}}}}
	count(p.deny) == 1 with input as {"Resources": {"S": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {"StageName": "prod"}}}}
	count(p.deny) == 0 with input as {"Resources": {"S": {"Type": "AWS::ApiGateway::Stage", "Properties": {"AccessLogSetting": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}}}}}}
	count(p.deny) == 0 with input as {"Resources": {"S": {"Type": "AWS::ApiGatewayV2::Stage", "Properties": {"AccessLogSettings": {"DestinationArn": {"Fn::GetAtt": ["Logs", "Arn"]}}}}}}
}
