resource "azurerm_mssql_server" "legacy_clients" {
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  minimum_tls_version          = "1.0" # expect-fail: azure-database-min-tls
}

resource "azurerm_redis_cache" "sessions" { # expect-fail: azure-database-min-tls
  name                = "acme-sessions"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "TLSv1.1" # expect-fail: azure-database-min-tls
}
