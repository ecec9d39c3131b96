resource "aws_iam_user" "alice" { # expect-fail: aws-iam-user-console-password
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  password_reset_required = true
}
