# METADATA
# title: Linux virtual machines do not allow password login
# description: >-
#   Password authentication over SSH lets anyone who reaches the machine try
#   to guess or reuse the administrator's password; SSH keys (or Entra ID
#   login) are not exposed to brute force.
# custom:
#   id: azure-vm-linux-password-auth
#   severity: high
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set, azurerm_virtual_machine, azurerm_virtual_machine_scale_set]
#   remediation: Remove disable_password_authentication = false and admin_password, and give an admin_ssh_key block instead (or sign in with Entra ID through the AADSSHLoginForLinux extension).
#   rationale:
#     CC6.1: Password login to administrators' accounts is weaker authentication, open to guessing and credential reuse.
#     ITGC-LA-1: Hosts that process financial data accept authentication by a password alone.
#   limitations: >-
#     The provider default (password login disabled) is assumed when the
#     attribute is absent; SSH daemon settings changed inside the image are
#     not seen.
package assure.azure.vm_linux_password_auth

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

# type -> where disable_password_authentication lives
locations := {
	"azurerm_linux_virtual_machine": [],
	"azurerm_linux_virtual_machine_scale_set": [],
	"azurerm_orchestrated_virtual_machine_scale_set": ["os_profile", "linux_configuration"],
	"azurerm_virtual_machine": ["os_profile_linux_config"],
	"azurerm_virtual_machine_scale_set": ["os_profile_linux_config"],
}

settings(body, path) := body if count(path) == 0

settings(body, path) := tf.block(body, path[0]) if count(path) == 1

settings(body, path) := tf.block(tf.block(body, path[0]), path[1]) if count(path) == 2

resources contains r.id if {
	some t, _ in locations
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t, path in locations
	some r in tf.resources(t)
	off(settings(r.body, path).disable_password_authentication)
	attr := concat(".", array.concat(path, ["disable_password_authentication"]))
	msg := sprintf("%s allows SSH password authentication", [r.id])
}
