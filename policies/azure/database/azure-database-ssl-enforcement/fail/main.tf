resource "azurerm_postgresql_server" "legacy" {
  name                         = "acme-pg"
  location                     = "westeurope"
  resource_group_name          = "rg"
  sku_name                     = "GP_Gen5_2"
  version                      = "11"
  administrator_login          = "pgadmin"
  administrator_login_password = var.pg_password
  ssl_enforcement_enabled      = false # expect-fail: azure-database-ssl-enforcement
}

resource "azurerm_mysql_flexible_server_configuration" "plain" {
  name                = "require_secure_transport"
  resource_group_name = "rg"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = "OFF" # expect-fail: azure-database-ssl-enforcement
}

resource "azurerm_redis_cache" "plain" {
  name                 = "acme-cache"
  location             = "westeurope"
  resource_group_name  = "rg"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  minimum_tls_version  = "1.2"
  non_ssl_port_enabled = true # expect-fail: azure-database-ssl-enforcement
}
