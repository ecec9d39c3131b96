# METADATA
# title: Key vaults have purge protection
# description: >-
#   Without purge protection, a deleted vault or key can be purged at once by
#   anyone with the permission (or an attacker holding it), destroying keys
#   that encrypt data elsewhere and making that data unrecoverable.
# custom:
#   id: azure-keyvault-purge-protection
#   severity: medium
#   soc2: [A1.2, CC7.5]
#   soc1: [ITGC-DI-2, ITGC-OP-1]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault]
#   remediation: Set purge_protection_enabled = true on the vault (it cannot be turned off again).
#   rationale:
#     A1.2: Purge protection keeps deleted keys and secrets recoverable for the soft-delete period.
#     CC7.5: Keys deleted maliciously during an incident can be recovered only if they cannot be purged.
#     ITGC-DI-2: Keys protecting financial records cannot be permanently destroyed before the retention period ends.
#     ITGC-OP-1: Data encrypted with a purged key cannot be restored.
#   limitations: >-
#     The provider default (false) is assumed when the attribute is absent;
#     a value computed at apply time is not judged.
package assure.azure.keyvault_purge_protection

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains r.id if some r in tf.resources("azurerm_key_vault")

deny contains {"msg": msg, "resource": r.id, "attribute": "purge_protection_enabled"} if {
	some r in tf.resources("azurerm_key_vault")
	v := object.get(r.body, "purge_protection_enabled", false)
	not tf.is_true(v)
	not unknown(v)
	msg := sprintf("key vault %s does not enable purge protection (purge_protection_enabled defaults to false)", [r.name])
}
