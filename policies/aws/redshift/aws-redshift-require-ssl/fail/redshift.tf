resource "aws_redshift_cluster" "warehouse" { # expect-fail: aws-redshift-require-ssl
  cluster_identifier  = "warehouse"
  node_type           = "ra3.xlplus"
  encrypted           = true
  publicly_accessible = false
}

resource "aws_redshift_parameter_group" "reporting" {
  name   = "reporting"
  family = "redshift-1.0"

  parameter {
    name  = "enable_user_activity_logging"
    value = "true"
  }
}

resource "aws_redshift_cluster" "reporting" {
  cluster_identifier           = "reporting"
  node_type                    = "ra3.xlplus"
  cluster_parameter_group_name = aws_redshift_parameter_group.reporting.name # expect-fail: aws-redshift-require-ssl
}
