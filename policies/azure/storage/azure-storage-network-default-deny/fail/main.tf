resource "azurerm_storage_account" "open" { # expect-fail: azure-storage-network-default-deny
  name                     = "acmeopen"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "allow" {
  name                     = "acmeallow"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  network_rules {
    default_action = "Allow" # expect-fail: azure-storage-network-default-deny
    ip_rules       = ["203.0.113.10"]
  }
}
