resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "container" # expect-fail: azure-storage-container-public
}

resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = "acmedata"
  # expect-fail: azure-storage-container-public
  container_access_type = "blob"
}
