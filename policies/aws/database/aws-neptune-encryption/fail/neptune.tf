resource "aws_neptune_cluster" "graph" { # expect-fail: aws-neptune-encryption
  cluster_identifier  = "graph"
  engine              = "neptune"
  skip_final_snapshot = false
}

resource "aws_neptune_cluster" "reporting" {
  cluster_identifier = "reporting"
  engine             = "neptune"
  storage_encrypted  = false # expect-fail: aws-neptune-encryption
}
