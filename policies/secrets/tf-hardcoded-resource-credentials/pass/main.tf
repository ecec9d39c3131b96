# Secrets kept out of the code, and arguments that only mention one.

variable "db_password" {
  type      = string
  sensitive = true
}

resource "random_password" "sql" {
  length  = 24
  special = true
}

resource "azurerm_mssql_server" "reports" {
  name                         = "reports-sql"
  resource_group_name          = "reports"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = random_password.sql.result
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "orders"
  password       = var.db_password
}

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "ledger"
  engine                      = "aurora-postgresql"
  master_username             = "ledger"
  manage_master_user_password = true
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = jsonencode({ password = random_password.sql.result })
}

resource "azurerm_key_vault_access_policy" "app" {
  key_vault_id       = azurerm_key_vault.main.id
  tenant_id          = "00000000-0000-0000-0000-000000000000"
  object_id          = "11111111-1111-1111-1111-111111111111"
  secret_permissions = ["Get", "List"]
}

resource "aws_launch_template" "web" {
  name_prefix = "web"

  metadata_options {
    http_tokens = "required"
  }

  tags = {
    SecretClassification = "internal"
  }
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.main.id

  token_validity_units {
    access_token  = "hours"
    id_token      = "hours"
    refresh_token = "days"
  }
}

resource "aws_kms_key" "signing" {
  description              = "signing"
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "azurerm_linux_virtual_machine" "build" {
  name                            = "build-agent"
  resource_group_name             = "ci"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = "changeme"
  disable_password_authentication = false
  network_interface_ids           = [azurerm_network_interface.build.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }
}

# Reported by aws-lambda-env-secrets, not here.
resource "aws_lambda_function" "exporter" {
  function_name = "exporter"
  role          = aws_iam_role.exporter.arn
  runtime       = "python3.12"
  handler       = "main.handler"

  environment {
    variables = {
      DB_PASSWORD = "reported-by-the-lambda-control"
    }
  }
}
