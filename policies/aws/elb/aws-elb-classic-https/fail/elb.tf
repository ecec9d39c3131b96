resource "aws_elb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id]

  listener { # expect-fail: aws-elb-classic-https
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http"
  }

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = aws_acm_certificate.web.arn
  }
}
