resource "azurerm_kubernetes_cluster" "insights" {
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

  oms_agent {
    log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  }
}

resource "azurerm_kubernetes_cluster" "audited" {
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

resource "azurerm_monitor_diagnostic_setting" "audited" {
  name                       = "aks-audit"
  target_resource_id         = azurerm_kubernetes_cluster.audited.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_log {
    category = "kube-audit-admin"
  }
}
