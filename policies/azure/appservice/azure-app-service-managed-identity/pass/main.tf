resource "azurerm_windows_web_app" "portal" {
  name                = "acme-portal"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {}

  identity {
    type = "SystemAssigned"
  }
}
