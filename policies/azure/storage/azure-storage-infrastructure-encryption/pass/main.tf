resource "azurerm_storage_account" "double" {
  name                              = "acmedouble"
  resource_group_name               = "rg"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "LRS"
  infrastructure_encryption_enabled = true
}
