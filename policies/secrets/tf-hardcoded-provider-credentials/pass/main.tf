variable "github_token" {
  type      = string
  sensitive = true
}

provider "aws" {
  region  = "eu-west-1"
  profile = "acme-prod"

  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/terraform"
  }
}

provider "github" {
  owner = "acme"
  token = var.github_token
}

terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "network/terraform.tfstate"
    region = "eu-west-1"
  }
}
