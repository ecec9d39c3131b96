# METADATA
# title: Key vaults deny network access by default
# description: >-
#   A key vault without network ACLs (or with default action Allow) answers
#   requests from any address on the internet, so a stolen token or client
#   secret can read keys and secrets from anywhere.
# custom:
#   id: azure-keyvault-network-default-deny
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault]
#   remediation: >-
#     Add network_acls { default_action = "Deny", bypass = "AzureServices" }
#     with the allowed subnets and IP ranges, or set
#     public_network_access_enabled = false and use a private endpoint.
#   rationale:
#     CC6.6: A vault endpoint open to all networks is not protected at the system boundary.
#     ITGC-LA-1: Network restrictions keep stolen credentials from reaching keys and secrets from unknown networks.
#   limitations: >-
#     Network ACLs set outside Terraform, and values computed at apply time
#     (for example dynamic network_acls blocks), are not judged.
package assure.azure.keyvault_network_default_deny

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

restricted(r) if off(object.get(r.body, "public_network_access_enabled", true))

restricted(r) if unknown(object.get(r.body, "public_network_access_enabled", true))

restricted(r) if tf.block(r.body, "network_acls").default_action == "Deny"

restricted(r) if unknown(object.get(tf.block(r.body, "network_acls"), "default_action", ""))

restricted(r) if r.body.dynamic.network_acls

restricted(r) if unknown(object.get(r.body, "network_acls", []))

resources contains r.id if some r in tf.resources("azurerm_key_vault")

deny contains {"msg": msg, "resource": r.id, "attribute": "network_acls.default_action"} if {
	some r in tf.resources("azurerm_key_vault")
	not restricted(r)
	msg := sprintf("key vault %s accepts requests from all networks (no network_acls with default_action Deny)", [r.name])
}
