resource "aws_launch_configuration" "web" { # expect-fail: aws-launch-configuration-ebs-encryption
  name_prefix   = "web-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"
}

resource "aws_launch_configuration" "batch" {
  name_prefix   = "batch-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "c6i.large"

  root_block_device {
    encrypted = true
  }

  ebs_block_device { # expect-fail: aws-launch-configuration-ebs-encryption
    device_name = "/dev/sdf"
    volume_size = 200
  }
}
