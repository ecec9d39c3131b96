resource "aws_docdb_cluster" "catalog" { # expect-fail: aws-docdb-encryption
  cluster_identifier = "catalog"
  engine             = "docdb"
  master_username    = "catalog"
  master_password    = var.catalog_password
}

resource "aws_docdb_cluster" "orders" {
  cluster_identifier = "orders"
  master_username    = "orders"
  master_password    = var.orders_password
  storage_encrypted  = false # expect-fail: aws-docdb-encryption
}
