resource "azurerm_storage_account" "legacy" {
  name                      = "acmelegacy"
  resource_group_name       = "rg"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false # expect-fail: azure-storage-https-only
}

resource "azurerm_storage_account" "current" {
  name                       = "acmecurrent"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  # expect-fail: azure-storage-https-only
  https_traffic_only_enabled = false
}
