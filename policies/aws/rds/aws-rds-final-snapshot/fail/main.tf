resource "aws_db_instance" "ledger" {
  identifier          = "ledger"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  skip_final_snapshot = true # expect-fail: aws-rds-final-snapshot
}
