resource "azurerm_mssql_server_security_alert_policy" "routed" {
  resource_group_name  = "rg"
  server_name          = azurerm_mssql_server.main.name
  state                = "Enabled"
  email_addresses      = ["security@example.com"]
  email_account_admins = true
}
