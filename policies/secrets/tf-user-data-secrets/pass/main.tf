resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = "web"
}

resource "aws_instance" "web" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name

  user_data = <<-EOF
    #!/bin/bash
    export AWS_DEFAULT_REGION=eu-west-1
    export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)"
    systemctl start app
  EOF
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = base64encode("#!/bin/sh\ndocker run -e DB_PASSWORD_FILE=/run/secrets/db acme/worker:1.2.0\n")
}
