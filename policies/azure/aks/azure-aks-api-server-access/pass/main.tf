resource "azurerm_kubernetes_cluster" "private" {
  name                    = "acme-aks"
  location                = "westeurope"
  resource_group_name     = "rg"
  dns_prefix              = "acme"
  private_cluster_enabled = true

  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "restricted" {
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
    authorized_ip_ranges = ["203.0.113.0/24"]
  }
}
