resource "azurerm_key_vault" "main" { # expect-fail: azure-keyvault-purge-protection
  name                = "acme-kv"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_key_vault" "off" {
  name                     = "acme-kv-off"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = false # expect-fail: azure-keyvault-purge-protection
}
