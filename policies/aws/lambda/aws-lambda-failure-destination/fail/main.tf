resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_lambda_function" "thumbnails" { # expect-fail: aws-lambda-failure-destination
  function_name = "thumbnails"
  role          = "arn:aws:iam::123456789012:role/thumbnails"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "thumbnails.zip"
}

resource "aws_lambda_permission" "uploads" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.thumbnails.function_name
  principal     = "s3.amazonaws.com"
  source_arn    = aws_s3_bucket.uploads.arn
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbnails.arn
    events              = ["s3:ObjectCreated:*"]
  }
}
