resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  encrypted           = true
  publicly_accessible = false
}

resource "aws_redshift_logging" "warehouse" {
  cluster_identifier   = aws_redshift_cluster.warehouse.id
  log_destination_type = "cloudwatch"
  log_exports          = ["connectionlog", "userlog", "useractivitylog"]
}

resource "aws_redshift_cluster" "reporting" {
  cluster_identifier = "reporting"
  node_type          = "ra3.xlplus"

  logging {
    enable      = true
    bucket_name = "acme-redshift-logs"
  }
}
