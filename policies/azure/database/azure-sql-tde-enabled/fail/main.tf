resource "azurerm_mssql_database" "warehouse" {
  name                                = "warehouse"
  server_id                           = azurerm_mssql_server.main.id
  sku_name                            = "DW100c"
  transparent_data_encryption_enabled = false # expect-fail: azure-sql-tde-enabled
}

resource "azurerm_synapse_sql_pool" "analytics" { # expect-fail: azure-sql-tde-enabled
  name                 = "analytics"
  synapse_workspace_id = azurerm_synapse_workspace.main.id
  sku_name             = "DW100c"
  create_mode          = "Default"
}
