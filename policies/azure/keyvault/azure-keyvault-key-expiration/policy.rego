# METADATA
# title: Key Vault keys have an expiration
# description: >-
#   A key with no expiration stays valid forever, even after it should have
#   been replaced; an expiration date (or an expire_after in the rotation
#   policy) bounds how long one key version can be used.
# custom:
#   id: azure-keyvault-key-expiration
#   severity: low
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault_key]
#   remediation: Set expiration_date on the key, or rotation_policy { expire_after = "P2Y" } with automatic rotation before expiry.
#   rationale:
#     CC6.1: Limiting the lifetime of encryption keys is part of key management for data at rest.
#     ITGC-LA-3: Keys protecting financial data are never retired.
#   limitations: >-
#     Expiration enforced by a process outside Terraform is not seen; values
#     computed at apply time are not judged.
package assure.azure.keyvault_key_expiration

import data.assure.lib.terraform as tf
import rego.v1

expires(body) if present(body.expiration_date)

expires(body) if present(tf.block(body, "rotation_policy").expire_after)

expires(body) if body.dynamic.rotation_policy

expires(body) if unknown(object.get(body, "rotation_policy", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

resources contains k.id if some k in tf.resources("azurerm_key_vault_key")

deny contains {"msg": msg, "resource": k.id} if {
	some k in tf.resources("azurerm_key_vault_key")
	not expires(k.body)
	msg := sprintf("key %s never expires (no expiration_date or rotation_policy expire_after)", [k.name])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
