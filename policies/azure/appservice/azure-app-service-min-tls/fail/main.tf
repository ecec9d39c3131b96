resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = azurerm_app_service_plan.main.id
  https_only          = true

  site_config {
    min_tls_version = "1.1" # expect-fail: azure-app-service-min-tls
  }
}

resource "azurerm_windows_web_app" "portal" {
  name                = "acme-portal"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.0" # expect-fail: azure-app-service-min-tls
  }
}
