resource "aws_secretsmanager_secret" "db" { # expect-fail: aws-secretsmanager-rotation
  name       = "prod/db/master"
  kms_key_id = aws_kms_key.secrets.arn
}
