resource "azurerm_mssql_server" "main" { # expect-fail: azure-sql-tde-cmk
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}
