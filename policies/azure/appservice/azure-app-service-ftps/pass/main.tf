resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = azurerm_app_service_plan.main.id
  https_only          = true

  site_config {
    ftps_state = "Disabled"
  }
}

resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {}
}
