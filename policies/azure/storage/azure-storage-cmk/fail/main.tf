resource "azurerm_storage_account" "records" { # expect-fail: azure-storage-cmk
  name                     = "acmerecords"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
