resource "aws_backup_plan" "daily" {
  name = "daily"

  rule { # expect-fail: aws-backup-plan-retention
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 * * ? *)"
  }

  rule {
    rule_name         = "monthly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 1 * ? *)"
    lifecycle {
      cold_storage_after = 30
      delete_after       = 400
    }
  }
}
