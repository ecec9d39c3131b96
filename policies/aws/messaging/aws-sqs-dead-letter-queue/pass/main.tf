resource "aws_sqs_queue" "orders" {
  name                       = "orders"
  visibility_timeout_seconds = 60
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_failed.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "orders_failed" {
  name                      = "orders-failed"
  message_retention_seconds = 1209600
}
