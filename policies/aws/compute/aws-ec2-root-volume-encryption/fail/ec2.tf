resource "aws_instance" "web" { # expect-fail: aws-ec2-root-volume-encryption
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id
}
