resource "azurerm_storage_account" "single" { # expect-fail: azure-storage-infrastructure-encryption
  name                     = "acmesingle"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "off" {
  name                              = "acmeoff"
  resource_group_name               = "rg"
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "LRS"
  infrastructure_encryption_enabled = false # expect-fail: azure-storage-infrastructure-encryption
}
