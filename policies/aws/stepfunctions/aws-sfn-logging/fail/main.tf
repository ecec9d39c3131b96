resource "aws_sfn_state_machine" "settlement" { # expect-fail: aws-sfn-logging
  name     = "settlement"
  role_arn = "arn:aws:iam::123456789012:role/settlement"
  definition = jsonencode({
    StartAt = "Settle"
    States  = { Settle = { Type = "Pass", End = true } }
  })
}
