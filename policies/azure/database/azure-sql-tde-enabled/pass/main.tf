resource "azurerm_mssql_database" "ledger" {
  name      = "ledger"
  server_id = azurerm_mssql_server.main.id
}

resource "azurerm_synapse_sql_pool" "analytics" {
  name                 = "analytics"
  synapse_workspace_id = azurerm_synapse_workspace.main.id
  sku_name             = "DW100c"
  create_mode          = "Default"
  data_encrypted       = true
}
