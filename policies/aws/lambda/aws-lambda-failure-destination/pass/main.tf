resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_sqs_queue" "thumbnails_failed" {
  name = "thumbnails-failed"
}

resource "aws_lambda_function" "thumbnails" {
  function_name = "thumbnails"
  role          = "arn:aws:iam::123456789012:role/thumbnails"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "thumbnails.zip"
}

resource "aws_lambda_function_event_invoke_config" "thumbnails" {
  function_name          = aws_lambda_function.thumbnails.function_name
  maximum_retry_attempts = 2
  destination_config {
    on_failure {
      destination = aws_sqs_queue.thumbnails_failed.arn
    }
  }
}

resource "aws_lambda_permission" "uploads" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbnails.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.uploads.arn
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "api.zip"
}
