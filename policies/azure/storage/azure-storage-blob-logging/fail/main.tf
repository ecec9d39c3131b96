resource "azurerm_storage_account" "unlogged" { # expect-fail: azure-storage-blob-logging
  name                     = "acmeunlogged"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_monitor_diagnostic_setting" "metrics_only" {
  name                       = "metrics"
  target_resource_id         = azurerm_storage_account.unlogged.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_metric {
    category = "Transaction"
  }
}
