resource "azurerm_storage_account" "old_clients" {
  name                     = "acmeoldclients"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_0" # expect-fail: azure-storage-min-tls
}
