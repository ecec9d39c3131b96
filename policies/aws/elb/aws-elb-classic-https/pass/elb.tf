resource "aws_elb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_b.id]

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = aws_acm_certificate.web.arn
  }
}
