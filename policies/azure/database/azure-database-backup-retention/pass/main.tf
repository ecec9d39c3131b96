resource "azurerm_mysql_flexible_server" "main" {
  name                  = "acme-mysql"
  resource_group_name   = "rg"
  location              = "westeurope"
  sku_name              = "GP_Standard_D2ds_v4"
  backup_retention_days = 14
}

resource "azurerm_mssql_database" "ledger" {
  name      = "ledger"
  server_id = azurerm_mssql_server.main.id

  short_term_retention_policy {
    retention_days = 35
  }
}
