resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.11"

  # expect-fail: aws-opensearch-access-policy-public
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "arn:aws:es:eu-west-1:111122223333:domain/logs/*"
    }]
  })
}

resource "aws_elasticsearch_domain" "search" {
  domain_name           = "search"
  elasticsearch_version = "7.10"
}

data "aws_iam_policy_document" "search" {
  statement {
    actions   = ["es:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}

resource "aws_elasticsearch_domain_policy" "search" {
  domain_name     = aws_elasticsearch_domain.search.domain_name
  access_policies = data.aws_iam_policy_document.search.json # expect-fail: aws-opensearch-access-policy-public
}
