resource "aws_kms_key" "billing" {
  description         = "billing data"
  enable_key_rotation = true
}

# Invoices: encrypted by the sibling configuration below, public access blocked.
resource "aws_s3_bucket" "invoices" {
  bucket = "acme-billing-invoices-${var.environment}"
  tags   = local.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "invoices" {
  bucket = aws_s3_bucket.invoices.id

  rule {
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.billing.arn
      sse_algorithm     = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "invoices" {
  bucket                  = aws_s3_bucket.invoices.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Exports for the finance team: no encryption, no public access block.
resource "aws_s3_bucket" "exports" {
  for_each = toset(["daily", "monthly"])
  bucket   = "acme-billing-exports-${each.key}"
  tags     = local.tags
}
