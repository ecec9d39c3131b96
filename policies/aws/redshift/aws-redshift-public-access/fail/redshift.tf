resource "aws_redshift_cluster" "warehouse" { # expect-fail: aws-redshift-public-access
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  master_username    = "admin"
  encrypted          = true
}

resource "aws_redshift_cluster" "sandbox" {
  cluster_identifier  = "sandbox"
  node_type           = "ra3.xlplus"
  publicly_accessible = true # expect-fail: aws-redshift-public-access
}
