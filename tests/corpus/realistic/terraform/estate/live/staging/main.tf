module "records" {
  source     = "../../modules/storage"
  name       = "acme-records-staging"
  encryption = {}
}

module "edge" {
  source      = "../../modules/edge"
  environment = var.environment
  admin_cidrs = var.admin_cidrs
}

variable "environment" {
  type = string
}

variable "admin_cidrs" {
  type = list(string)
}
