resource "azurerm_mssql_server_security_alert_policy" "silent" { # expect-fail: azure-sql-alert-recipients
  resource_group_name = "rg"
  server_name         = azurerm_mssql_server.main.name
  state               = "Enabled"
  retention_days      = 90
}
