resource "azurerm_cosmosdb_account" "open" { # expect-fail: azure-cosmosdb-public-network
  name                = "acme-cosmos"
  location            = "westeurope"
  resource_group_name = "rg"
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
