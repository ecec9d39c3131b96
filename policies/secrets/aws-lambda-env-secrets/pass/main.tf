resource "aws_secretsmanager_secret" "db" {
  name = "exporter/db"
}

resource "aws_lambda_function" "exporter" {
  function_name = "exporter"
  role          = "arn:aws:iam::123456789012:role/exporter"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "exporter.zip"

  environment {
    variables = {
      LOG_LEVEL     = "info"
      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn
      TOKEN_TTL     = "3600"
    }
  }
}
