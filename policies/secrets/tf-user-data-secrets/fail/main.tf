resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"

  # expect-fail: tf-user-data-secrets
  user_data = <<-EOF
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMAAA
    export AWS_SECRET_ACCESS_KEY=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
    export AWS_DEFAULT_REGION=eu-west-1
    systemctl start app
  EOF
}

resource "aws_launch_template" "workers" {
  name_prefix = "workers-"
  image_id    = "ami-0abcdef1234567890"
  user_data   = base64encode("#!/bin/sh\ndocker run -e DB_PASSWORD=Tr0ub4dor-3 acme/worker:1.2.0\n") # expect-fail: tf-user-data-secrets
}
