module "records" {
  source     = "../../modules/storage"
  name       = "acme-records-prod"
  log_bucket = "acme-logs-prod"
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
  type    = list(string)
  default = ["10.0.0.0/8"]
}
