resource "aws_docdb_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "docdb"
  master_username    = "catalog"
  master_password    = var.catalog_password
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.catalog.arn
}
