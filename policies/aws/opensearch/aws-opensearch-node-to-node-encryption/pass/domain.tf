resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"

  node_to_node_encryption {
    enabled = true
  }
}
