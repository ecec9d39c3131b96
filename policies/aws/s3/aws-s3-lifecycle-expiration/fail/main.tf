resource "aws_s3_bucket" "customer_exports" { # expect-fail: aws-s3-lifecycle-expiration
  bucket = "acme-customer-exports"
  tags = {
    DataClassification = "PII"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "customer_exports" {
  bucket = aws_s3_bucket.customer_exports.id
  rule {
    id     = "archive"
    status = "Enabled"
    transition {
      days          = 30
      storage_class = "GLACIER"
    }
  }
}

resource "aws_s3_bucket" "contracts" { # expect-fail: aws-s3-lifecycle-expiration
  bucket = "acme-contracts"
  tags = {
    data_classification = "confidential"
  }
}
