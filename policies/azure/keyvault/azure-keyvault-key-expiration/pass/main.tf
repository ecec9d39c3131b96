resource "azurerm_key_vault_key" "dated" {
  name            = "dated"
  key_vault_id    = azurerm_key_vault.main.id
  key_type        = "EC"
  curve           = "P-256"
  key_opts        = ["sign", "verify"]
  expiration_date = "2027-06-30T00:00:00Z"
}

resource "azurerm_key_vault_key" "policy" {
  name         = "policy"
  key_vault_id = azurerm_key_vault.main.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after = "P2Y"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}
