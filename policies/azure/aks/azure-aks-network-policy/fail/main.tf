resource "azurerm_kubernetes_cluster" "flat" {
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

  network_profile { # expect-fail: azure-aks-network-policy
    network_plugin = "kubenet"
  }
}

resource "azurerm_kubernetes_cluster" "default" { # expect-fail: azure-aks-network-policy
  name                = "acme-aks2"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "acme2"

  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}
