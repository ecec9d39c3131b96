resource "aws_sqs_queue" "orders" { # expect-fail: aws-sqs-dead-letter-queue
  name                       = "orders"
  visibility_timeout_seconds = 60
}

resource "aws_sqs_queue" "invoices_dlq" {
  name = "invoices-dlq"
}
