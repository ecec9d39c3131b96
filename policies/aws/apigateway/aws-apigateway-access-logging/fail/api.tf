resource "aws_api_gateway_stage" "prod" { # expect-fail: aws-apigateway-access-logging
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "prod"
}

resource "aws_apigatewayv2_stage" "prod" { # expect-fail: aws-apigateway-access-logging
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}
