resource "azurerm_storage_account" "protected" {
  name                     = "acmeprotected"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  blob_properties {
    delete_retention_policy {
      days = 30
    }
    container_delete_retention_policy {
      days = 7
    }
  }
}

resource "azurerm_storage_account" "files" {
  name                     = "acmefiles"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Premium"
  account_kind             = "FileStorage"
  account_replication_type = "LRS"
}
