resource "aws_opensearch_domain" "logs" { # expect-fail: aws-opensearch-encryption-at-rest
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
}

resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = false # expect-fail: aws-opensearch-encryption-at-rest
  }
}
