variable "name" {
  type = string
}

variable "cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "create_vpc" {
  type    = bool
  default = true
}

variable "enable_flow_log" {
  type    = bool
  default = true
}

variable "flow_log_retention_in_days" {
  type    = number
  default = 400
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "ingress_rules" {
  type = list(object({
    from_port   = number
    to_port     = number
    protocol    = string
    cidr_blocks = list(string)
  }))
  default = []
}

variable "legacy_ingress" {
  type    = any
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
