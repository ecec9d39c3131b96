module "vpc" {
  source = "../vpc"
  name   = "billing"
  tags   = var.tags
}

resource "aws_s3_bucket" "this" {
  for_each = toset(var.buckets)
  bucket   = "${var.prefix}-${each.key}"
  tags     = merge(var.tags, { Records = each.key == "ledger" ? "true" : null })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "this" {
  for_each = aws_s3_bucket.this
  bucket   = each.value.id
  versioning_configuration {
    status = var.versioning ? "Enabled" : "Suspended"
  }
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject"]
      Resource = [for b in aws_s3_bucket.this : "${b.arn}/*"]
    }]
  })
}

resource "aws_db_instance" "this" {
  count                   = var.create_db ? 1 : 0
  identifier              = "${var.prefix}-db"
  engine                  = "postgres"
  engine_version          = var.engine_version
  instance_class          = var.instance_class
  allocated_storage       = var.storage
  storage_encrypted       = true
  backup_retention_period = var.backup_retention_period
  multi_az                = var.environment == "prod"
  deletion_protection     = var.environment == "prod"
  publicly_accessible     = false
  tags                    = var.tags
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
  certificate_arn   = var.certificate_arn

  dynamic "default_action" {
    for_each = var.default_actions
    content {
      type             = default_action.value.type
      target_group_arn = default_action.value.target_group_arn
    }
  }
}

resource "aws_eks_cluster" "this" {
  name                      = var.prefix
  role_arn                  = aws_iam_role.eks.arn
  enabled_cluster_log_types = var.cluster_log_types

  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_public_access  = var.public_endpoint
    public_access_cidrs     = var.public_access_cidrs
  }
}

resource "aws_kms_key" "this" {
  description         = "${var.prefix} data"
  enable_key_rotation = var.rotate
  policy              = data.aws_iam_policy_document.kms.json
}

data "aws_iam_policy_document" "kms" {
  statement {
    sid       = "root"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = var.extra_statements
    content {
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}
