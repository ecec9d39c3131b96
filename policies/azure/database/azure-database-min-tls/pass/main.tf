resource "azurerm_mssql_server" "main" {
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
  minimum_tls_version          = "1.2"
}

resource "azurerm_redis_cache" "sessions" {
  name                = "acme-sessions"
  location            = "westeurope"
  resource_group_name = "rg"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = "rg"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = "TLSv1.2,TLSv1.3"
}
