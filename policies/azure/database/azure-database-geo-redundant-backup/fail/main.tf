resource "azurerm_postgresql_flexible_server" "single_region" { # expect-fail: azure-database-geo-redundant-backup
  name                = "acme-pg"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "16"
  sku_name            = "GP_Standard_D2s_v3"
}

resource "azurerm_mssql_database" "local" {
  name                 = "ledger"
  server_id            = azurerm_mssql_server.main.id
  storage_account_type = "Local" # expect-fail: azure-database-geo-redundant-backup
}
