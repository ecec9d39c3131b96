# METADATA
# title: Key Vault keys rotate automatically
# description: >-
#   A key that is never rotated protects ever more data for ever longer, so a
#   key compromised once exposes everything it ever encrypted; a rotation
#   policy creates new versions on a schedule.
# custom:
#   id: azure-keyvault-key-rotation
#   severity: medium
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault_key]
#   remediation: >-
#     Add rotation_policy { expire_after = "P2Y", notify_before_expiry = "P30D",
#     automatic { time_before_expiry = "P30D" } } (or time_after_creation) to
#     the key, and let services use the versionless key id.
#   rationale:
#     CC6.1: Regular key rotation is part of managing the encryption keys that protect data at rest.
#     ITGC-LA-3: Keys protecting financial data are not renewed, increasing the impact of a key compromise.
#   limitations: >-
#     Keys rotated by a process outside Terraform (a script or a pipeline) are
#     findings: suppress them with a reason. Values computed at apply time are
#     not judged.
package assure.azure.keyvault_key_rotation

import data.assure.lib.terraform as tf
import rego.v1

rotates(body) if {
	auto := tf.block(tf.block(body, "rotation_policy"), "automatic")
	some key in ["time_after_creation", "time_before_expiry"]
	present(auto[key])
}

rotates(body) if body.dynamic.rotation_policy

rotates(body) if unknown(object.get(body, "rotation_policy", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

rotates(body) if tf.block(body, "rotation_policy").dynamic.automatic

resources contains k.id if some k in tf.resources("azurerm_key_vault_key")

deny contains {"msg": msg, "resource": k.id, "attribute": "rotation_policy.automatic"} if {
	some k in tf.resources("azurerm_key_vault_key")
	not rotates(k.body)
	msg := sprintf("key %s has no automatic rotation policy", [k.name])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
