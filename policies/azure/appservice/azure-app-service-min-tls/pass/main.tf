resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "rg"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"
  }
}

resource "azurerm_linux_function_app" "jobs" {
  name                       = "acme-jobs"
  resource_group_name        = "rg"
  location                   = "westeurope"
  service_plan_id            = azurerm_service_plan.main.id
  storage_account_name       = azurerm_storage_account.jobs.name
  storage_account_access_key = azurerm_storage_account.jobs.primary_access_key
  https_only                 = true

  site_config {}
}
