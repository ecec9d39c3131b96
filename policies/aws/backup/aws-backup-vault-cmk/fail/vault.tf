resource "aws_backup_vault" "main" { # expect-fail: aws-backup-vault-cmk
  name = "main"
}
