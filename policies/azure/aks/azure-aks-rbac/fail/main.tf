resource "azurerm_kubernetes_cluster" "no_rbac" {
  name                              = "acme-aks"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "acme"
  role_based_access_control_enabled = false # expect-fail: azure-aks-rbac

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

  role_based_access_control {
    enabled = false # expect-fail: azure-aks-rbac
  }
}
