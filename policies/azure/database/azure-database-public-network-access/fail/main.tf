resource "azurerm_mssql_server" "default" { # expect-fail: azure-database-public-network-access
  name                         = "acme-sql"
  resource_group_name          = "rg"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password
}

resource "azurerm_postgresql_flexible_server" "open" {
  name                          = "acme-pg"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  public_network_access_enabled = true # expect-fail: azure-database-public-network-access
}

resource "azurerm_mysql_flexible_server" "open" {
  name                  = "acme-mysql"
  resource_group_name   = "rg"
  location              = "westeurope"
  sku_name              = "GP_Standard_D2ds_v4"
  public_network_access = "Enabled" # expect-fail: azure-database-public-network-access
}
