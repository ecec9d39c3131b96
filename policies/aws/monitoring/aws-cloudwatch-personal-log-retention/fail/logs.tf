# Sign-up service logs carry e-mail addresses and IP addresses.
resource "aws_cloudwatch_log_group" "signups" { # expect-fail: aws-cloudwatch-personal-log-retention
  name = "/ecs/signup-api"

  tags = {
    DataClassification = "PII"
  }
}

resource "aws_cloudwatch_log_group" "patient_audit" {
  name              = "/app/patient-portal/audit"
  retention_in_days = 0 # expect-fail: aws-cloudwatch-personal-log-retention

  tags = {
    data_classification = "phi"
    Team                = "clinical"
  }
}

# Not classified as personal data: not examined by this control.
resource "aws_cloudwatch_log_group" "build" {
  name = "/codebuild/ci"

  tags = {
    DataClassification = "non-personal"
  }
}
