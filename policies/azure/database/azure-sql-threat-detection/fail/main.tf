resource "azurerm_mssql_server" "unprotected" { # expect-fail: azure-sql-threat-detection
  name                         = "acme-unprotected"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}

resource "azurerm_mssql_server" "partial" {
  name                         = "acme-partial"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}

resource "azurerm_mssql_server_security_alert_policy" "partial" {
  resource_group_name = "rg"
  server_name         = azurerm_mssql_server.partial.name
  state               = "Enabled"
  email_addresses     = ["security@example.com"]
  # expect-fail: azure-sql-threat-detection
  disabled_alerts = [
    "Sql_Injection",
    "Data_Exfiltration",
  ]
}
