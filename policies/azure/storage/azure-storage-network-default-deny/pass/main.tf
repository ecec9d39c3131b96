resource "azurerm_storage_account" "inline" {
  name                     = "acmeinline"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action             = "Deny"
    virtual_network_subnet_ids = ["/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"]
  }
}

resource "azurerm_storage_account" "separate" {
  name                     = "acmeseparate"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_network_rules" "separate" {
  storage_account_id = azurerm_storage_account.separate.id
  default_action     = "Deny"
  bypass             = ["AzureServices"]
}

resource "azurerm_storage_account" "private" {
  name                          = "acmeprivate"
  resource_group_name           = "rg"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = false
}
