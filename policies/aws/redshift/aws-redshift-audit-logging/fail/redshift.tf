resource "aws_redshift_cluster" "warehouse" { # expect-fail: aws-redshift-audit-logging
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  encrypted           = true
  publicly_accessible = false
}

resource "aws_redshift_cluster" "sandbox" {
  cluster_identifier = "sandbox"
  node_type          = "ra3.xlplus"

  logging { # expect-fail: aws-redshift-audit-logging
    enable = false
  }
}
