resource "aws_iam_user" "legacy" {
  name = "legacy-tool"
}

resource "aws_iam_access_key" "legacy" {
  user   = aws_iam_user.legacy.name
  status = "Inactive"
}
