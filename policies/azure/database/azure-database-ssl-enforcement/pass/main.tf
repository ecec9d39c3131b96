resource "azurerm_postgresql_server" "main" {
  name                             = "acme-pg"
  location                         = "westeurope"
  resource_group_name              = "rg"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  administrator_login              = "pgadmin"
  administrator_login_password     = var.pg_password
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_redis_cache" "main" {
  name                = "acme-cache"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "on"
}
