resource "azurerm_key_vault" "main" {
  name                     = "acme-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}
