resource "aws_kms_key" "payments" {
  description             = "payments data"
  enable_key_rotation     = true
  deletion_window_in_days = 7 # expect-fail: aws-kms-deletion-window
}
