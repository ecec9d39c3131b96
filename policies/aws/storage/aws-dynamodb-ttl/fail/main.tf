resource "aws_dynamodb_table" "sessions" {
  name         = "customer-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = false # expect-fail: aws-dynamodb-ttl
  }

  tags = {
    DataClassification = "PII"
  }
}

resource "aws_dynamodb_table" "profiles" { # expect-fail: aws-dynamodb-ttl
  name         = "customer-profiles"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customer_id"

  attribute {
    name = "customer_id"
    type = "S"
  }

  tags = {
    data_classification = "personal"
  }
}
