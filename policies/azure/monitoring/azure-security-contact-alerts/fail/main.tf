resource "azurerm_security_center_contact" "main" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = false # expect-fail: azure-security-contact-alerts
  alerts_to_admins    = false # expect-fail: azure-security-contact-alerts
}
