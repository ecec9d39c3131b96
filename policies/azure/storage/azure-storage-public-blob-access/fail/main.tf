resource "azurerm_storage_account" "website" {
  name                            = "acmewebsite"
  resource_group_name             = "rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = true # expect-fail: azure-storage-public-blob-access
}

resource "azurerm_storage_account" "unset" { # expect-fail: azure-storage-public-blob-access
  name                     = "acmeunset"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
