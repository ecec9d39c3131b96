resource "azurerm_key_vault_key" "static" { # expect-fail: azure-keyvault-key-rotation
  name         = "static"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["decrypt", "encrypt", "wrapKey", "unwrapKey"]
}

resource "azurerm_key_vault_key" "expiring" {
  name         = "expiring"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy { # expect-fail: azure-keyvault-key-rotation
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"
  }
}
