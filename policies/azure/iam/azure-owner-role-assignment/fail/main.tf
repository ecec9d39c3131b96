data "azurerm_subscription" "current" {}

data "azuread_user" "alice" {
  user_principal_name = "alice@example.com"
}

resource "azurerm_role_assignment" "alice_owner" {
  scope                = data.azurerm_subscription.current.id
  role_definition_name = "Owner"
  principal_id         = data.azuread_user.alice.object_id # expect-fail: azure-owner-role-assignment
}

resource "azurerm_role_assignment" "deployer_owner" {
  scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111" # expect-fail: azure-owner-role-assignment
  principal_type       = "ServicePrincipal"
}
