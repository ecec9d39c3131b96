resource "aws_cloudwatch_log_group" "settlement" {
  name              = "/aws/states/settlement"
  retention_in_days = 365
}

resource "aws_sfn_state_machine" "settlement" {
  name     = "settlement"
  role_arn = "arn:aws:iam::123456789012:role/settlement"
  definition = jsonencode({
    StartAt = "Settle"
    States  = { Settle = { Type = "Pass", End = true } }
  })

  logging_configuration {
    level                  = "ERROR"
    include_execution_data = true
    log_destination        = "${aws_cloudwatch_log_group.settlement.arn}:*"
  }
}
