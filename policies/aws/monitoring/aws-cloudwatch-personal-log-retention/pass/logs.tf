resource "aws_cloudwatch_log_group" "signups" {
  name              = "/ecs/signup-api"
  retention_in_days = 90

  tags = {
    DataClassification = "PII"
  }
}

variable "audit_retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "patient_audit" {
  name              = "/app/patient-portal/audit"
  retention_in_days = var.audit_retention_days

  tags = {
    data_classification = "phi"
  }
}

# Not classified as personal data: not examined by this control.
resource "aws_cloudwatch_log_group" "build" {
  name = "/codebuild/ci"

  tags = {
    DataClassification = "internal"
  }
}
