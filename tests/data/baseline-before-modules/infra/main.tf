# A root module with findings of its own and a call whose arguments make
# findings inside the module: the baseline beside it was written by assure
# before modules were instantiated (it knows the root's findings only).
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_security_group" "bastion" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

module "exports" {
  source = "./modules/bucket"
  acl    = "public-read"
}
