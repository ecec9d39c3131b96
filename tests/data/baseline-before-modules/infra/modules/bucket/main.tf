variable "acl" {
  default = "private"
}

resource "aws_s3_bucket" "this" {
  bucket = "exports"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl
}
