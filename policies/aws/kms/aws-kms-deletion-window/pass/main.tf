resource "aws_kms_key" "payments" {
  description             = "payments data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_key" "logs" {
  description         = "logs"
  enable_key_rotation = true
}
