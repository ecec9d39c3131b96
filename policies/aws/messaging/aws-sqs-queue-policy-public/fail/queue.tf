resource "aws_sqs_queue" "orders" {
  name = "orders"
}

resource "aws_sqs_queue_policy" "orders" {
  queue_url = aws_sqs_queue.orders.id
  # expect-fail: aws-sqs-queue-policy-public
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "sqs:SendMessage"
      Resource  = "arn:aws:sqs:eu-west-1:111122223333:orders"
    }]
  })
}

resource "aws_sqs_queue" "events" {
  name = "events"
  # expect-fail: aws-sqs-queue-policy-public
  policy = <<EOF
{
  "Statement": [
    {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sqs:ReceiveMessage", "Resource": "*"}
  ]
}
EOF
}
