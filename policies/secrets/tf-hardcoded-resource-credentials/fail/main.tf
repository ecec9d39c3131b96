# Passwords, tokens and keys written as resource arguments.

resource "azurerm_mssql_server" "reports" {
  name                         = "reports-sql"
  resource_group_name          = "reports"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = "AdminPassword123!" # expect-fail: tf-hardcoded-resource-credentials
}

variable "db_password" {
  type    = string
  default = "Aa1234321Bb"
}

# The literal is the variable's default: reported on the argument.
resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "orders"
  password       = var.db_password # expect-fail: tf-hardcoded-resource-credentials
}

resource "azurerm_virtual_machine" "build" {
  name                  = "build-agent"
  location              = "westeurope"
  resource_group_name   = "ci"
  network_interface_ids = [azurerm_network_interface.build.id]
  vm_size               = "Standard_B2s"

  os_profile {
    computer_name  = "build-agent"
    admin_username = "azureuser"
    admin_password = "P@ssw0rd1234!" # expect-fail: tf-hardcoded-resource-credentials
  }
}

resource "azurerm_linux_function_app" "ingest" {
  name                = "ingest"
  location            = "westeurope"
  resource_group_name = "ingest"
  service_plan_id     = azurerm_service_plan.ingest.id

  app_settings = {
    LOG_LEVEL        = "info"
    UPSTREAM_API_KEY = "9f8e7d6c5b4a3f2e1d0c" # expect-fail: tf-hardcoded-resource-credentials
  }

  site_config {}
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "session store"
  transit_encryption_enabled = true
  auth_token                 = "s3ss10n-t0ken-value-0001" # expect-fail: tf-hardcoded-resource-credentials
}

# A provider key format, whatever the argument is called.
resource "google_compute_instance" "worker" {
  name         = "worker"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  metadata = {
    startup-script = "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE" # expect-fail: tf-hardcoded-resource-credentials
  }

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }
}
