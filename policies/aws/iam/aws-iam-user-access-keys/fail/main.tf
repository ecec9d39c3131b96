resource "aws_iam_user" "deployer" {
  name = "deployer"
}

resource "aws_iam_access_key" "deployer" { # expect-fail: aws-iam-user-access-keys
  user = aws_iam_user.deployer.name
}
