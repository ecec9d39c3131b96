resource "azurerm_storage_account" "none" { # expect-fail: azure-storage-blob-versioning
  name                     = "acmenone"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "off" {
  name                     = "acmeoff"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  blob_properties {
    versioning_enabled = false # expect-fail: azure-storage-blob-versioning
  }
}
