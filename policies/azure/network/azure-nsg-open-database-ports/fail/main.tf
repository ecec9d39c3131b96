resource "azurerm_network_security_group" "data" {
  name                = "data"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule { # expect-fail: azure-nsg-open-database-ports
    name                       = "postgres"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "5432"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "sql" {
  name                        = "sql"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "1433"
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"] # expect-fail: azure-nsg-open-database-ports
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = azurerm_network_security_group.data.name
}
