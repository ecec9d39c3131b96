data "azurerm_subscription" "current" {}

resource "azurerm_monitor_log_profile" "default" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global", "westeurope"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 30 # expect-fail: azure-activity-log-retention
  }
}

resource "azurerm_log_analytics_workspace" "main" {
  name                = "acme-logs"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "PerGB2018"
}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity-log"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id # expect-fail: azure-activity-log-retention

  enabled_log {
    category = "Administrative"
  }
  enabled_log {
    category = "Security"
  }
}
