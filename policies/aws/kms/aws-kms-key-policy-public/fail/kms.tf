resource "aws_kms_key" "data" {
  description = "data key"
  # expect-fail: aws-kms-key-policy-public
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "logs" {
  description = "logs key"
}

resource "aws_kms_key_policy" "logs" {
  key_id = aws_kms_key.logs.id
  # expect-fail: aws-kms-key-policy-public
  policy = <<EOF
{
  "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::*:root"}, "Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": "*"}
  ]
}
EOF
}
