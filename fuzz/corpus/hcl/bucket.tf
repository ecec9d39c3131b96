resource "aws_s3_bucket" "reports" {
  bucket = "acme-financial-reports-${var.env}"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}
