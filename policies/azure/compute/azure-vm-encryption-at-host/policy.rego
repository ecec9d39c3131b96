# METADATA
# title: Virtual machines encrypt all disks, caches and temp disks
# description: >-
#   Managed disks are encrypted at rest by the platform, but a VM's temporary
#   disk and disk caches are not unless encryption at host (or Azure Disk
#   Encryption) is on: data paged or cached there sits unencrypted on the
#   host.
# custom:
#   id: azure-vm-encryption-at-host
#   severity: medium
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set, azurerm_orchestrated_virtual_machine_scale_set, azurerm_virtual_machine_extension]
#   remediation: >-
#     Set encryption_at_host_enabled = true (after registering the
#     EncryptionAtHost feature on the subscription), or install the
#     AzureDiskEncryption extension with a Key Vault key.
#   rationale:
#     CC6.1: Encryption of all storage a VM writes to is part of protecting data at rest.
#     C1.1: Confidential data written to temp disks or caches is stored unencrypted without host encryption.
#     ITGC-LA-3: Financial data on the host's temp disk and caches is not protected at rest.
#   limitations: >-
#     The provider default (off) is assumed when the attribute is absent.
#     Confidential VMs with disk encryption and extensions declared in other
#     modules are not recognized unless in the same module; legacy
#     azurerm_virtual_machine resources are not examined.
package assure.azure.vm_encryption_at_host

import data.assure.lib.terraform as tf
import rego.v1

types := [
	"azurerm_linux_virtual_machine",
	"azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set",
	"azurerm_windows_virtual_machine_scale_set",
	"azurerm_orchestrated_virtual_machine_scale_set",
]

ade_types := {"AzureDiskEncryption", "AzureDiskEncryptionForLinux"}

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

encrypted(_, body) if tf.is_true(body.encryption_at_host_enabled)

encrypted(_, body) if unknown(body.encryption_at_host_enabled)

# Confidential VMs encrypt the disk together with the VM guest state.
encrypted(_, body) if tf.block(body, "os_disk").security_encryption_type == "DiskWithVMGuestState"

# Azure Disk Encryption as an extension block of a scale set.
encrypted(_, body) if {
	exts := object.get(body, "extension", [])
	is_array(exts)
	some e in exts
	e.type in ade_types
}

encrypted(_, body) if unknown(object.get(body, "extension", []))

encrypted(_, body) if body.dynamic.extension

# Azure Disk Encryption as a separate extension resource.
encrypted(r, _) if {
	some e in tf.resources("azurerm_virtual_machine_extension")
	e.body.type in ade_types
	tf.linked(e.body, "virtual_machine_id", r.type, r.name)
}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "encryption_at_host_enabled"} if {
	some t in types
	some r in tf.resources(t)
	not encrypted({"type": t, "name": r.name}, r.body)
	msg := sprintf("%s does not enable encryption at host (defaults to false) or Azure Disk Encryption", [r.id])
}
