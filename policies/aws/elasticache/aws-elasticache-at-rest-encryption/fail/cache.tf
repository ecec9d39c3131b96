resource "aws_elasticache_replication_group" "sessions" { # expect-fail: aws-elasticache-at-rest-encryption
  replication_group_id = "sessions"
  description          = "session cache"
  engine               = "redis"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}

resource "aws_elasticache_replication_group" "carts" {
  replication_group_id       = "carts"
  description                = "shopping carts"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = false # expect-fail: aws-elasticache-at-rest-encryption
}
