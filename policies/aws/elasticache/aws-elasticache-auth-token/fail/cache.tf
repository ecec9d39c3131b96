resource "aws_elasticache_replication_group" "sessions" { # expect-fail: aws-elasticache-auth-token
  replication_group_id       = "sessions"
  description                = "session cache"
  engine                     = "redis"
  node_type                  = "cache.t4g.small"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
