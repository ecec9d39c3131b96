resource "aws_opensearch_domain" "logs" { # expect-fail: aws-opensearch-node-to-node-encryption
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"
}

resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"
  elasticsearch_version = "7.10"

  node_to_node_encryption {
    enabled = false # expect-fail: aws-opensearch-node-to-node-encryption
  }
}
