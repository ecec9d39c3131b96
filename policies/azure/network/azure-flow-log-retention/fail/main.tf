resource "azurerm_network_watcher_flow_log" "off" {
  name                 = "off"
  network_watcher_name = "watcher"
  resource_group_name  = "rg"
  target_resource_id   = azurerm_network_security_group.web.id
  storage_account_id   = azurerm_storage_account.logs.id
  enabled              = false # expect-fail: azure-flow-log-retention

  retention_policy {
    enabled = true
    days    = 90
  }
}

resource "azurerm_network_watcher_flow_log" "short" {
  name                 = "short"
  network_watcher_name = "watcher"
  resource_group_name  = "rg"
  target_resource_id   = azurerm_virtual_network.main.id
  storage_account_id   = azurerm_storage_account.logs.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = 7 # expect-fail: azure-flow-log-retention
  }
}
