resource "aws_s3_bucket" "customer_exports" {
  bucket = "acme-customer-exports"
  tags = {
    DataClassification = "PII"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "customer_exports" {
  bucket = aws_s3_bucket.customer_exports.id
  rule {
    id     = "retention"
    status = "Enabled"
    expiration {
      days = 365
    }
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-public-assets"
  tags = {
    DataClassification = "public"
  }
}
