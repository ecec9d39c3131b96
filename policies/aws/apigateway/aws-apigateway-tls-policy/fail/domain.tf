resource "aws_api_gateway_domain_name" "api" { # expect-fail: aws-apigateway-tls-policy
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "legacy" {
  domain_name     = "legacy.example.com"
  certificate_arn = aws_acm_certificate.legacy.arn
  security_policy = "TLS_1_0" # expect-fail: aws-apigateway-tls-policy
}
