resource "azurerm_mssql_server" "main" {
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}

resource "azurerm_mssql_server_security_alert_policy" "main" {
  resource_group_name = "rg"
  server_name         = azurerm_mssql_server.main.name
  state               = "Enabled"
  email_addresses     = ["security@example.com"]
}
