resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  # expect-fail: aws-sns-topic-policy-public
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["sns:Publish", "sns:Subscribe"]
      Resource  = "arn:aws:sns:eu-west-1:111122223333:alerts"
    }]
  })
}

resource "aws_sns_topic" "events" {
  name = "events"
  # expect-fail: aws-sns-topic-policy-public
  policy = <<EOF
{
  "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "sns:Subscribe", "Resource": "*"}
  ]
}
EOF
}
