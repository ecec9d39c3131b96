data "azurerm_subscription" "current" {}

resource "azurerm_monitor_log_profile" "partial" {
  name               = "default"
  categories         = ["Action"] # expect-fail: azure-activity-log-categories
  locations          = ["westeurope"] # expect-fail: azure-activity-log-categories
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 365
  }
}

resource "azurerm_monitor_diagnostic_setting" "admin_only" { # expect-fail: azure-activity-log-categories
  name                       = "activity-log"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_log {
    category = "Administrative"
  }
}
