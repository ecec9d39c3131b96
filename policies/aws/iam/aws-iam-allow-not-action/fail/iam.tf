resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({ # expect-fail: aws-iam-allow-not-action
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*"]
      Resource  = "*"
    }]
  })
}

data "aws_iam_policy_document" "cleanup" {
  statement { # expect-fail: aws-iam-allow-not-action
    actions       = ["s3:DeleteObject"]
    not_resources = ["arn:aws:s3:::acme-audit/*"]
  }
}
