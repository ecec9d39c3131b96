resource "aws_redshift_cluster" "warehouse" { # expect-fail: aws-redshift-encryption
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  master_username     = "admin"
  publicly_accessible = false
}

resource "aws_redshift_cluster" "sandbox" {
  cluster_identifier = "sandbox"
  node_type          = "ra3.xlplus"
  encrypted          = false # expect-fail: aws-redshift-encryption
}
