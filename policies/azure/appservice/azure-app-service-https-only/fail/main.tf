resource "azurerm_linux_web_app" "api" { # expect-fail: azure-app-service-https-only
  name                = "acme-api"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id

  site_config {}
}

resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = azurerm_app_service_plan.main.id
  https_only          = false # expect-fail: azure-app-service-https-only
}
