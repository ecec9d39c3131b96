resource "aws_guardduty_detector" "main" { # expect-fail: aws-guardduty-findings-routed
  enable = true
}

resource "aws_cloudwatch_event_rule" "guardduty" {
  name = "guardduty-findings"
  event_pattern = jsonencode({
    source      = ["aws.guardduty"]
    detail-type = ["GuardDuty Finding"]
  })
}
