package assure.azure.vm_linux_password_auth_test

import data.assure.azure.vm_linux_password_auth as p
import rego.v1

one(type, body) := {"resource": {type: {"v": [body]}}}

test_password_login_fails if {
	count(p.deny) == 1 with input as one("azurerm_linux_virtual_machine", {"disable_password_authentication": false})
	count(p.deny) == 1 with input as one("azurerm_linux_virtual_machine_scale_set", {"disable_password_authentication": "false"})
	count(p.deny) == 1 with input as one("azurerm_virtual_machine", {"os_profile_linux_config": [{"disable_password_authentication": false}]})
	count(p.deny) == 1 with input as one("azurerm_orchestrated_virtual_machine_scale_set", {"os_profile": [{"linux_configuration": [{"disable_password_authentication": false}]}]})
}

test_keys_pass if {
	count(p.deny) == 0 with input as one("azurerm_linux_virtual_machine", {})
	count(p.deny) == 0 with input as one("azurerm_linux_virtual_machine", {"disable_password_authentication": true})
	count(p.deny) == 0 with input as one("azurerm_virtual_machine", {"os_profile_windows_config": [{}]})
	count(p.deny) == 0 with input as one("azurerm_linux_virtual_machine", {"disable_password_authentication": "${var.pw}"})
	count(p.resources) == 1 with input as one("azurerm_linux_virtual_machine", {})
}
