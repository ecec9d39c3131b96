resource "azurerm_storage_account" "none" { # expect-fail: azure-storage-blob-soft-delete
  name                     = "acmenone"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "short" {
  name                     = "acmeshort"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  blob_properties { # expect-fail: azure-storage-blob-soft-delete
    delete_retention_policy {
      days = 1 # expect-fail: azure-storage-blob-soft-delete
    }
  }
}
