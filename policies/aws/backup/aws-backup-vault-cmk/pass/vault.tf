resource "aws_kms_key" "backup" {
  description         = "backup vault key"
  enable_key_rotation = true
}

resource "aws_backup_vault" "main" {
  name        = "main"
  kms_key_arn = aws_kms_key.backup.arn
}
