resource "azurerm_windows_virtual_machine" "app" { # expect-fail: azure-vm-encryption-at-host
  name                  = "app"
  resource_group_name   = "rg"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "azureadmin"
  admin_password        = var.admin_password
  network_interface_ids = [azurerm_network_interface.app.id]

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "workers" {
  name                       = "workers"
  resource_group_name        = "rg"
  location                   = "westeurope"
  sku                        = "Standard_D2s_v5"
  instances                  = 2
  admin_username             = "azureuser"
  encryption_at_host_enabled = false # expect-fail: azure-vm-encryption-at-host

  admin_ssh_key {
    username   = "azureuser"
    public_key = file("id_ed25519.pub")
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }

  network_interface {
    name    = "nic"
    primary = true

    ip_configuration {
      name      = "internal"
      primary   = true
      subnet_id = azurerm_subnet.workers.id
    }
  }
}
