resource "azurerm_kubernetes_cluster" "dark" { # expect-fail: azure-aks-monitoring
  name                = "acme-aks"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "acme"

  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "v2" {
  name                = "acme-aks-v2"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "acmev2"

  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }

  addon_profile {
    oms_agent {
      enabled = false # expect-fail: azure-aks-monitoring
    }
  }
}
