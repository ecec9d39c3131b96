resource "azurerm_key_vault" "short" {
  name                       = "acme-kv"
  location                   = "westeurope"
  resource_group_name        = "rg"
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 7 # expect-fail: azure-keyvault-soft-delete-retention
}
