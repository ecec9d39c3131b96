resource "azurerm_network_watcher_flow_log" "web" {
  name                 = "web"
  network_watcher_name = "watcher"
  resource_group_name  = "rg"
  target_resource_id   = azurerm_virtual_network.main.id
  storage_account_id   = azurerm_storage_account.logs.id
  enabled              = true
  version              = 2

  retention_policy {
    enabled = true
    days    = 365
  }
}
