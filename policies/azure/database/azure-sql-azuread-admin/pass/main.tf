resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}
