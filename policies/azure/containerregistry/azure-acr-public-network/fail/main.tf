resource "azurerm_container_registry" "open" {
  name                   = "acmeregistry"
  resource_group_name    = "rg"
  location               = "westeurope"
  sku                    = "Premium"
  anonymous_pull_enabled = true # expect-fail: azure-acr-public-network

  network_rule_set {
    default_action = "Allow" # expect-fail: azure-acr-public-network
  }
}
