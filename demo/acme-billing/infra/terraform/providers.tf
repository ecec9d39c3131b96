terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    github = {
      source  = "integrations/github"
      version = "~> 6.3"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  tags = {
    Service     = "billing"
    Environment = var.environment
  }
}
