resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "rg"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "azureuser"
  admin_password                  = var.admin_password
  disable_password_authentication = false # expect-fail: azure-vm-linux-password-auth
  network_interface_ids           = [azurerm_network_interface.jump.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Standard_LRS"
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "legacy"
  location              = "westeurope"
  resource_group_name   = "rg"
  network_interface_ids = [azurerm_network_interface.legacy.id]
  vm_size               = "Standard_B2s"

  storage_os_disk {
    name          = "legacy-os"
    create_option = "FromImage"
  }

  os_profile {
    computer_name  = "legacy"
    admin_username = "azureuser"
    admin_password = var.admin_password
  }

  os_profile_linux_config {
    disable_password_authentication = false # expect-fail: azure-vm-linux-password-auth
  }
}
