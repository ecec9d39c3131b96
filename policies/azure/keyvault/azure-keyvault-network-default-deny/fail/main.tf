resource "azurerm_key_vault" "open" { # expect-fail: azure-keyvault-network-default-deny
  name                     = "acme-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_key_vault" "allow" {
  name                     = "acme-kv2"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    default_action = "Allow" # expect-fail: azure-keyvault-network-default-deny
    bypass         = "AzureServices"
  }
}
