data "azurerm_subscription" "current" {}

resource "azurerm_role_definition" "reader" {
  name        = "storage-reader"
  scope       = data.azurerm_subscription.current.id
  description = "Reads storage accounts"

  permissions {
    actions = [
      "Microsoft.Storage/storageAccounts/read",
      "Microsoft.Storage/storageAccounts/listKeys/action",
    ]
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}
