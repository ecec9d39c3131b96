resource "aws_cloudtrail" "org" {
  name                       = "org-trail"
  s3_bucket_name             = "acme-audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = aws_kms_key.billing.arn
}
