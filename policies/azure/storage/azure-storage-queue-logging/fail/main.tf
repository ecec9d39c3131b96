resource "azurerm_storage_account" "silent" { # expect-fail: azure-storage-queue-logging
  name                     = "acmesilent"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account" "partial" {
  name                     = "acmepartial"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  queue_properties {
    logging { # expect-fail: azure-storage-queue-logging
      delete                = false
      read                  = false
      write                 = true
      version               = "1.0"
      retention_policy_days = 10
    }
  }
}

resource "azurerm_storage_account" "v4" {
  name                     = "acmev4"
  resource_group_name      = "rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

resource "azurerm_storage_account_queue_properties" "v4" {
  storage_account_id = azurerm_storage_account.v4.id

  logging { # expect-fail: azure-storage-queue-logging
    delete  = true
    read    = false
    write   = true
    version = "1.0"
  }
}
