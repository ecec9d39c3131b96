resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "azurerm_sql_firewall_rule" "vpn" {
  name                = "vpn"
  resource_group_name = "rg"
  server_name         = azurerm_sql_server.legacy.name
  start_ip_address    = "10.0.17.62"
  end_ip_address      = "10.0.17.62"
}
