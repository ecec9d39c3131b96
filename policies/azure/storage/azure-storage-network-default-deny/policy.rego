# METADATA
# title: Storage accounts deny network access by default
# description: >-
#   Without network rules whose default action is Deny (or public network
#   access turned off), a storage account's endpoints accept connections from
#   any address on the internet, leaving a leaked key or SAS token usable from
#   anywhere.
# custom:
#   id: azure-storage-network-default-deny
#   severity: medium
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account, azurerm_storage_account_network_rules]
#   remediation: >-
#     Add network_rules { default_action = "Deny" } with the allowed subnets and
#     IP ranges (or an azurerm_storage_account_network_rules resource), or set
#     public_network_access_enabled = false and use private endpoints.
#   rationale:
#     CC6.6: A storage endpoint open to all networks is not protected at the system boundary.
#     ITGC-LA-1: Network restrictions keep credentials from being usable from unknown locations.
#   limitations: >-
#     Network rules managed in another module or outside Terraform are not seen
#     and the account is then a finding; values computed at apply time (for
#     example dynamic network_rules blocks) are not judged.
package assure.azure.storage_network_default_deny

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

# Separate network-rules resources that name the account (by id since
# azurerm v3, by name before).
rule_sets(r) := {b |
	some attr in ["storage_account_id", "storage_account_name"]
	some b in tf.siblings("azurerm_storage_account_network_rules", attr, "azurerm_storage_account", r.name)
}

restricted(r) if off(object.get(r.body, "public_network_access_enabled", true))

restricted(r) if tf.block(r.body, "network_rules").default_action == "Deny"

restricted(r) if {
	some b in rule_sets(r)
	b.default_action == "Deny"
}

# Not known before apply: not judged.
restricted(r) if unknown(object.get(r.body, "public_network_access_enabled", true))

restricted(r) if unknown(object.get(tf.block(r.body, "network_rules"), "default_action", ""))

restricted(r) if r.body.dynamic.network_rules

restricted(r) if unknown(object.get(r.body, "network_rules", []))

restricted(r) if {
	some b in rule_sets(r)
	unknown(b.default_action)
}

resources contains r.id if some r in tf.resources("azurerm_storage_account")

deny contains {"msg": msg, "resource": r.id, "attribute": "network_rules.default_action"} if {
	some r in tf.resources("azurerm_storage_account")
	not restricted(r)
	allow_action(r)
	msg := sprintf("storage account %s accepts traffic from all networks (network rules default_action is Allow)", [r.name])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_storage_account")
	not restricted(r)
	not allow_action(r)
	msg := sprintf("storage account %s has no network rules, so its public endpoint accepts traffic from all networks", [r.name])
}

allow_action(r) if tf.block(r.body, "network_rules").default_action == "Allow"

allow_action(r) if {
	some b in rule_sets(r)
	b.default_action == "Allow"
}
