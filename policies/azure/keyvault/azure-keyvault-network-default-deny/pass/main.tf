resource "azurerm_key_vault" "restricted" {
  name                     = "acme-kv"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }
}

resource "azurerm_key_vault" "private" {
  name                          = "acme-kv2"
  location                      = "westeurope"
  resource_group_name           = "rg"
  tenant_id                     = var.tenant_id
  sku_name                      = "standard"
  purge_protection_enabled      = true
  public_network_access_enabled = false
}
