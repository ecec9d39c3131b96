resource "azurerm_mssql_server" "sql_logins_only" { # expect-fail: azure-sql-azuread-admin
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}
