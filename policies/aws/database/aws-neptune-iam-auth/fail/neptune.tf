resource "aws_neptune_cluster" "graph" { # expect-fail: aws-neptune-iam-auth
  cluster_identifier = "graph"
  engine             = "neptune"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "reporting" {
  cluster_identifier                  = "reporting"
  engine                              = "neptune"
  storage_encrypted                   = true
  iam_database_authentication_enabled = false # expect-fail: aws-neptune-iam-auth
}
