resource "azurerm_windows_web_app" "portal" { # expect-fail: azure-app-service-managed-identity
  name                = "acme-portal"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {}

  app_settings = {
    "STORAGE_CONNECTION" = var.storage_connection_string
  }
}
