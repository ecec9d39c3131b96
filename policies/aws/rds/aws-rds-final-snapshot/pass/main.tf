resource "aws_db_instance" "ledger" {
  identifier                = "ledger"
  engine                    = "postgres"
  instance_class            = "db.t3.medium"
  allocated_storage         = 50
  skip_final_snapshot       = false
  final_snapshot_identifier = "ledger-final"
}

resource "aws_db_instance" "ledger_replica" {
  identifier          = "ledger-replica"
  replicate_source_db = aws_db_instance.ledger.identifier
  instance_class      = "db.t3.medium"
  skip_final_snapshot = true
}
