resource "aws_cloudwatch_metric_alarm" "api_errors" { # expect-fail: aws-cloudwatch-alarm-actions
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
}

resource "aws_cloudwatch_metric_alarm" "queue_age" {
  alarm_name          = "queue-age"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 900
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  actions_enabled     = false # expect-fail: aws-cloudwatch-alarm-actions
}

resource "aws_sns_topic" "oncall" {
  name = "oncall"
}
