data "azurerm_subscription" "current" {}

resource "azurerm_monitor_log_profile" "default" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global", "westeurope", "northeurope"]
  storage_account_id = azurerm_storage_account.logs.id

  retention_policy {
    enabled = true
    days    = 365
  }
}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity-log"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  dynamic "enabled_log" {
    for_each = ["Administrative", "Security", "Policy", "Alert"]
    content {
      category = enabled_log.value
    }
  }
}
