resource "aws_iam_user_policy" "deployer" {
  name = "deployer"
  user = aws_iam_user.deployer.name
  # expect-fail: aws-iam-service-wildcard
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["ec2:*", "s3:*"], "Resource": "*"}
  ]
}
EOF
}

resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({ # expect-fail: aws-iam-service-wildcard
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:*"
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "worker" {
  statement {
    actions   = ["sqs:ReceiveMessage"]
    resources = [aws_sqs_queue.jobs.arn]
  }

  statement { # expect-fail: aws-iam-service-wildcard
    actions   = ["dynamodb:*"]
    resources = ["*"]
  }
}
