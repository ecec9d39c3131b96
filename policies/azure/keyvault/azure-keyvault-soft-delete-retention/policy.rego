# METADATA
# title: Key vaults keep deleted items for the full 90 days
# description: >-
#   Soft delete keeps deleted vaults, keys and secrets recoverable for a
#   retention period of 7 to 90 days; a shortened period (or soft delete
#   turned off on old providers) leaves little time to notice and undo a
#   deletion before the key material is gone.
# custom:
#   id: azure-keyvault-soft-delete-retention
#   severity: low
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault]
#   remediation: Remove soft_delete_retention_days (the default is 90) or set it to 90, and remove soft_delete_enabled = false (azurerm v2).
#   rationale:
#     A1.2: Soft-delete retention is the recovery window for deleted keys and secrets.
#     CC7.5: A short window may expire before a malicious deletion is noticed and reversed.
#     ITGC-OP-1: Data encrypted with a key that can no longer be recovered cannot be restored.
#   limitations: >-
#     The 90-day threshold is the service default and maximum; a shorter
#     period chosen deliberately should be suppressed with a reason. Values
#     computed at apply time are not judged.
package assure.azure.keyvault_soft_delete_retention

import data.assure.lib.terraform as tf
import rego.v1

minimum := 90

off(v) if v == false

off(v) if v == "false"

resources contains r.id if some r in tf.resources("azurerm_key_vault")

deny contains {"msg": msg, "resource": r.id, "attribute": "soft_delete_retention_days"} if {
	some r in tf.resources("azurerm_key_vault")
	days := tf.number(object.get(r.body, "soft_delete_retention_days", minimum))
	days < minimum
	msg := sprintf("key vault %s keeps deleted items for %v days (default and recommended %d)", [r.name, days, minimum])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "soft_delete_enabled"} if {
	some r in tf.resources("azurerm_key_vault")
	off(r.body.soft_delete_enabled)
	msg := sprintf("key vault %s turns soft delete off", [r.name])
}
