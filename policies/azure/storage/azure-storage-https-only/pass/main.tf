resource "azurerm_storage_account" "default" {
  name                     = "acmedefault"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "explicit" {
  name                       = "acmeexplicit"
  resource_group_name        = "rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = true
}
