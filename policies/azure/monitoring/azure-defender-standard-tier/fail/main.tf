resource "azurerm_security_center_subscription_pricing" "vms" {
  tier          = "Free" # expect-fail: azure-defender-standard-tier
  resource_type = "VirtualMachines"
}
