resource "azurerm_security_center_contact" "main" {
  name                = "security"
  email               = "security@example.com"
  phone               = "+1-555-0100"
  alert_notifications = true
  alerts_to_admins    = true
}
