resource "azurerm_managed_disk" "data" { # expect-fail: azure-managed-disk-cmk
  name                 = "data"
  location             = "westeurope"
  resource_group_name  = "rg"
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 128
}

resource "azurerm_managed_disk" "legacy" {
  name                 = "legacy"
  location             = "westeurope"
  resource_group_name  = "rg"
  storage_account_type = "Standard_LRS"
  create_option        = "Empty"
  disk_size_gb         = 1

  encryption_settings {
    enabled = false # expect-fail: azure-managed-disk-cmk
  }
}
