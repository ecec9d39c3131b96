resource "aws_rds_cluster" "ledger" {
  cluster_identifier      = "billing-ledger"
  engine                  = "aurora-postgresql"
  engine_version          = "16.4"
  master_username         = "ledger"
  manage_master_user_password = true
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.billing.arn
  backup_retention_period = 14
  deletion_protection     = true
}

resource "aws_rds_cluster_instance" "ledger" {
  count              = 2
  identifier         = "billing-ledger-${count.index}"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}
