resource "azurerm_key_vault" "default" {
  name                     = "acme-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_key_vault" "explicit" {
  name                       = "acme-kv2"
  location                   = "westeurope"
  resource_group_name        = "rg"
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}
