data "aws_iam_policy_document" "region_guardrail" {
  statement {
    effect      = "Deny"
    not_actions = ["iam:*", "sts:*", "cloudfront:*"]
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}

resource "aws_iam_policy" "cleanup" {
  name = "cleanup"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:DeleteObject"
      Resource = "arn:aws:s3:::acme-scratch/*"
    }]
  })
}
