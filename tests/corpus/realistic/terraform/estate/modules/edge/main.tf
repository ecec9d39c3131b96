variable "admin_cidrs" {
  type = list(string)
}

variable "environment" {
  type = string
}

resource "aws_security_group" "admin" {
  name = "admin-${var.environment}"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}

module "assets" {
  source     = "../storage"
  name       = "assets-${var.environment}"
  public     = var.environment != "prod"
  versioning = var.environment == "prod"
}
