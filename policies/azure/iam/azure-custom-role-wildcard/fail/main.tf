data "azurerm_subscription" "current" {}

resource "azurerm_role_definition" "super" {
  name        = "super-operator"
  scope       = data.azurerm_subscription.current.id
  description = "Operators"

  permissions {
    actions     = ["*"] # expect-fail: azure-custom-role-wildcard
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}
