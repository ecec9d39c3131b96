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
    enabled        = true
  }

  tags = {
    DataClassification = "PII"
  }
}

resource "aws_dynamodb_table" "feature_flags" {
  name         = "feature-flags"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "flag"

  attribute {
    name = "flag"
    type = "S"
  }
}
