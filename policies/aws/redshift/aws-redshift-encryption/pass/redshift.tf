resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  publicly_accessible = false
  encrypted           = true
  kms_key_id          = aws_kms_key.warehouse.arn
}
