resource "azurerm_key_vault_secret" "db_password" { # expect-fail: azure-keyvault-secret-expiration
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.main.id
}
