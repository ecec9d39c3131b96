resource "aws_backup_vault" "main" { # expect-fail: aws-backup-vault-lock
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}
