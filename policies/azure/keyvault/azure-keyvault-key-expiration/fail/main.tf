resource "azurerm_key_vault_key" "forever" { # expect-fail: azure-keyvault-key-expiration
  name         = "forever"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "EC"
  curve        = "P-256"
  key_opts     = ["sign", "verify"]
}
