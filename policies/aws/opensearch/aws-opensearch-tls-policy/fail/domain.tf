resource "aws_opensearch_domain" "logs" { # expect-fail: aws-opensearch-tls-policy
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
}

resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"
  elasticsearch_version = "7.10"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07" # expect-fail: aws-opensearch-tls-policy
  }
}
