locals {
  azs  = slice(data.aws_availability_zones.available.names, 0, 3)
  tags = merge(var.tags, { Module = "vpc" })
}

resource "aws_vpc" "this" {
  count                = var.create_vpc ? 1 : 0
  cidr_block           = var.cidr
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = var.name })
}

resource "aws_subnet" "private" {
  for_each          = { for i, az in local.azs : az => cidrsubnet(var.cidr, 4, i) }
  vpc_id            = aws_vpc.this[0].id
  cidr_block        = each.value
  availability_zone = each.key
  tags              = local.tags
}

resource "aws_flow_log" "this" {
  count           = var.enable_flow_log ? 1 : 0
  vpc_id          = aws_vpc.this[0].id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_log[0].arn
}

resource "aws_cloudwatch_log_group" "flow_log" {
  count             = var.enable_flow_log ? 1 : 0
  name              = "/aws/vpc-flow-log/${var.name}"
  retention_in_days = var.flow_log_retention_in_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_security_group" "this" {
  name   = "${var.name}-default"
  vpc_id = aws_vpc.this[0].id

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      from_port   = ingress.value.from_port
      to_port     = ingress.value.to_port
      protocol    = ingress.value.protocol
      cidr_blocks = ingress.value.cidr_blocks
    }
  }

  ingress = var.legacy_ingress
  tags    = local.tags
}
