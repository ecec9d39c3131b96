resource "azurerm_linux_virtual_machine" "app" {
  name                       = "app"
  resource_group_name        = "rg"
  location                   = "westeurope"
  size                       = "Standard_D2s_v5"
  admin_username             = "azureuser"
  network_interface_ids      = [azurerm_network_interface.app.id]
  encryption_at_host_enabled = true

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("id_ed25519.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}
