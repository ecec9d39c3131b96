# METADATA
# title: API Gateway stages write access logs
# description: >-
#   Without access logging, a stage keeps no record of who called which route,
#   from where and with what result: abuse, credential stuffing and data
#   scraping through the API leave no trace to investigate.
# custom:
#   id: aws-apigateway-access-logging
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform, cloudformation]
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage, AWS::ApiGateway::Stage, AWS::ApiGatewayV2::Stage]
#   remediation: >-
#     Add access_log_settings with a CloudWatch Logs or Firehose destination_arn
#     and a format (AccessLogSetting / AccessLogSettings in CloudFormation).
#   rationale:
#     CC7.2: Request logs of the public entry point are the monitoring records the criterion expects for detecting anomalous use.
#     ITGC-OP-2: Calls to the API that reads and changes financial data are not logged for monitoring and investigation.
#   limitations: >-
#     Stages created implicitly by a deployment (stage_name on
#     aws_api_gateway_deployment, StageName on AWS::ApiGateway::Deployment) are
#     not examined; the log group's retention and what the format records are
#     not judged.
package assure.aws.apigateway_access_logging

import data.assure.lib.cloudformation as cfn
import data.assure.lib.terraform as tf
import rego.v1

tf_stages contains s if {
	some t in ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
	some s in tf.resources(t)
}

resources contains s.id if some s in tf_stages

deny contains {"msg": msg, "resource": s.id, "attribute": "access_log_settings"} if {
	some s in tf_stages
	not tf.block(s.body, "access_log_settings").destination_arn
	msg := sprintf("%s writes no access logs (no access_log_settings destination)", [s.id])
}

cfn_stages contains {"id": r.id, "settings": object.get(r.props, "AccessLogSetting", {}), "attr": "Properties.AccessLogSetting"} if some r in cfn.resources("AWS::ApiGateway::Stage")

cfn_stages contains {"id": r.id, "settings": object.get(r.props, "AccessLogSettings", {}), "attr": "Properties.AccessLogSettings"} if some r in cfn.resources("AWS::ApiGatewayV2::Stage")

resources contains s.id if some s in cfn_stages

deny contains {"msg": msg, "resource": s.id, "attribute": s.attr} if {
	some s in cfn_stages
	not s.settings.DestinationArn
	msg := sprintf("stage %s writes no access logs (no access log destination)", [s.id])
}
