package assure.azure.vm_encryption_at_host_test

import data.assure.azure.vm_encryption_at_host as p
import rego.v1

vm(body) := {"azurerm_linux_virtual_machine": {"v": [body]}}

test_unencrypted_fails if {
	count(p.deny) == 1 with input as {"resource": vm({})}
	count(p.deny) == 1 with input as {"resource": vm({"encryption_at_host_enabled": false})}
	count(p.deny) == 1 with input as {"resource": {"azurerm_windows_virtual_machine_scale_set": {"s": [{}]}}}
}

test_encryption_at_host_passes if {
	count(p.deny) == 0 with input as {"resource": vm({"encryption_at_host_enabled": true})}
	count(p.deny) == 0 with input as {"resource": vm({"encryption_at_host_enabled": "${var.eah}"})}
}

test_disk_encryption_extension_passes if {
	ext := {"azurerm_virtual_machine_extension": {"ade": [{"virtual_machine_id": "${azurerm_linux_virtual_machine.v.id}", "type": "AzureDiskEncryptionForLinux"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(vm({}), ext)}
	other := {"azurerm_virtual_machine_extension": {"mon": [{"virtual_machine_id": "${azurerm_linux_virtual_machine.v.id}", "type": "AzureMonitorLinuxAgent"}]}}
	count(p.deny) == 1 with input as {"resource": object.union(vm({}), other)}
	vmss := {"azurerm_linux_virtual_machine_scale_set": {"s": [{"extension": [{"name": "ade", "type": "AzureDiskEncryptionForLinux"}]}]}}
	count(p.deny) == 0 with input as {"resource": vmss}
}

test_confidential_vm_passes if {
	count(p.deny) == 0 with input as {"resource": vm({"os_disk": [{"security_encryption_type": "DiskWithVMGuestState"}]})}
}
