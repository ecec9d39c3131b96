resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id # expect-fail: aws-ebs-snapshot-encryption
}

resource "aws_ebs_snapshot_copy" "dr" { # expect-fail: aws-ebs-snapshot-encryption
  source_snapshot_id = "snap-0123456789abcdef0"
  source_region      = "eu-west-1"
}
