resource "azurerm_container_registry" "main" {
  name                = "acmeregistry"
  resource_group_name = "rg"
  location            = "westeurope"
  sku                 = "Standard"
  admin_enabled       = true # expect-fail: azure-acr-admin-user
}
