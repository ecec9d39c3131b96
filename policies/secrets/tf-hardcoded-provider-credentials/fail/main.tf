provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE" # expect-fail: tf-hardcoded-provider-credentials
  # expect-fail: tf-hardcoded-provider-credentials
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

# A second configuration of the provider: its own address and line.
provider "aws" {
  alias      = "west"
  region     = "us-west-2"
  access_key = "AKIAI44QH8DHBEXAMPLE" # expect-fail: tf-hardcoded-provider-credentials
}

provider "github" {
  owner = "acme"
  token = "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789" # expect-fail: tf-hardcoded-provider-credentials
}

terraform {
  backend "s3" {
    bucket     = "acme-terraform-state"
    key        = "network/terraform.tfstate"
    region     = "eu-west-1"
    secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # expect-fail: tf-hardcoded-provider-credentials
  }
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
