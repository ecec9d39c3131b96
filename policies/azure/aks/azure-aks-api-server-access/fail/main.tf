resource "azurerm_kubernetes_cluster" "public" { # expect-fail: azure-aks-api-server-access
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

resource "azurerm_kubernetes_cluster" "world" {
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

  api_server_access_profile {
    authorized_ip_ranges = ["0.0.0.0/0"] # expect-fail: azure-aks-api-server-access
  }
}
