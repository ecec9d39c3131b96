resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "t3.micro"

  block_device_mappings { # expect-fail: aws-launch-template-ebs-encryption
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      volume_type = "gp3"
    }
  }

  block_device_mappings { # expect-fail: aws-launch-template-ebs-encryption
    device_name = "/dev/sdf"
    ebs {
      volume_size = 100
      encrypted   = "false"
    }
  }
}
