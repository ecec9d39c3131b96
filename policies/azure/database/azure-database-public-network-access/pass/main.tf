resource "azurerm_mssql_server" "private" {
  name                          = "acme-sql"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "12.0"
  administrator_login           = "sqladmin"
  administrator_login_password  = var.sql_password
  public_network_access_enabled = false
}

resource "azurerm_postgresql_flexible_server" "vnet" {
  name                          = "acme-pg"
  resource_group_name           = "rg"
  location                      = "westeurope"
  version                       = "16"
  sku_name                      = "GP_Standard_D2s_v3"
  delegated_subnet_id           = azurerm_subnet.db.id
  private_dns_zone_id           = azurerm_private_dns_zone.pg.id
  public_network_access_enabled = false
}

resource "azurerm_mysql_flexible_server" "private" {
  name                  = "acme-mysql"
  resource_group_name   = "rg"
  location              = "westeurope"
  sku_name              = "GP_Standard_D2ds_v4"
  public_network_access = "Disabled"
}
