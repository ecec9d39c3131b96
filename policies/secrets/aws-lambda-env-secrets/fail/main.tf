resource "aws_lambda_function" "exporter" {
  function_name = "exporter"
  role          = "arn:aws:iam::123456789012:role/exporter"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "exporter.zip"

  environment {
    variables = {
      LOG_LEVEL         = "info"
      access_key        = "AKIAIOSFODNN7EXAMPLE"                     # expect-fail: aws-lambda-env-secrets
      secret_key        = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # expect-fail: aws-lambda-env-secrets
      SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T000/B000/XXXX"
    }
  }
}
