resource "aws_iam_policy" "ci" {
  name = "ci-deployer"
  # expect-fail: aws-iam-wildcard-admin
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}
EOT
}

data "aws_iam_policy_document" "ops" {
  statement { # expect-fail: aws-iam-wildcard-admin
    actions   = ["*"]
    resources = ["*"]
  }
}
