resource "azurerm_mysql_flexible_server" "short" {
  name                  = "acme-mysql"
  resource_group_name   = "rg"
  location              = "westeurope"
  sku_name              = "GP_Standard_D2ds_v4"
  backup_retention_days = 1 # expect-fail: azure-database-backup-retention
}

resource "azurerm_mssql_database" "short" {
  name      = "ledger"
  server_id = azurerm_mssql_server.main.id

  short_term_retention_policy {
    retention_days = 3 # expect-fail: azure-database-backup-retention
  }
}
