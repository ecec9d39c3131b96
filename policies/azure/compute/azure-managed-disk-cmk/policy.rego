# METADATA
# title: Managed disks are encrypted with a customer-managed key
# description: >-
#   Managed disks are encrypted with platform keys by default; with a disk
#   encryption set backed by a Key Vault key, the organization controls,
#   rotates and can revoke the key protecting the disk and its snapshots.
# custom:
#   id: azure-managed-disk-cmk
#   severity: low
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_managed_disk]
#   remediation: >-
#     Set disk_encryption_set_id (secure_vm_disk_encryption_set_id for
#     confidential VMs) to an azurerm_disk_encryption_set that uses a Key Vault
#     key, or enable Azure Disk Encryption through encryption_settings.
#   rationale:
#     CC6.1: Control of the key that encrypts disks is part of restricting access to data at rest.
#     C1.1: Confidential data on disks and snapshots encrypted with an organization-controlled key can be made unreadable by revoking it.
#     ITGC-LA-3: The organization cannot audit or revoke the key protecting financial data on the disk.
#   limitations: >-
#     Whether a disk holds confidential data is not known from configuration:
#     suppress disks that need no customer-managed key, with a reason. Keys
#     applied outside Terraform are not seen.
package assure.azure.managed_disk_cmk

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

cmk(body) if present(body.disk_encryption_set_id)

cmk(body) if present(body.secure_vm_disk_encryption_set_id)

# Azure Disk Encryption with a Key Vault secret (and optionally a key).
cmk(body) if {
	settings := tf.block(body, "encryption_settings")
	count(tf.block(settings, "disk_encryption_key")) > 0
	not off(object.get(settings, "enabled", true))
}

cmk(body) if unknown(object.get(body, "encryption_settings", []))

cmk(body) if body.dynamic.encryption_settings

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if some r in tf.resources("azurerm_managed_disk")

deny contains {"msg": msg, "resource": r.id, "attribute": "encryption_settings.enabled"} if {
	some r in tf.resources("azurerm_managed_disk")
	not cmk(r.body)
	off(tf.block(r.body, "encryption_settings").enabled)
	msg := sprintf("managed disk %s turns disk encryption settings off and uses no disk encryption set (platform-managed key only)", [r.name])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_managed_disk")
	not cmk(r.body)
	not off(tf.block(r.body, "encryption_settings").enabled)
	msg := sprintf("managed disk %s is encrypted with a platform-managed key only (no disk_encryption_set_id)", [r.name])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
