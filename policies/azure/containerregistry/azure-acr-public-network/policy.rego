# METADATA
# title: Container registries are not open to all networks or anonymous pulls
# description: >-
#   A registry with public network access and no network rules accepts
#   logins and pulls from any address; with anonymous pull enabled, anyone
#   can download its images, including any secrets or internal code baked
#   into them.
# custom:
#   id: azure-acr-public-network
#   severity: medium
#   soc2: [CC6.6, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_container_registry]
#   remediation: >-
#     On a Premium registry, set public_network_access_enabled = false with
#     private endpoints, or network_rule_set { default_action = "Deny" } with
#     allowed IP ranges; keep anonymous_pull_enabled = false.
#   rationale:
#     CC6.6: A registry endpoint open to all networks is not protected at the system boundary.
#     C1.1: Anonymous pulls disclose image contents, which may include confidential code and configuration.
#     ITGC-LA-1: Images are readable from unauthorized networks, or without authentication at all.
#   limitations: >-
#     Network restrictions need the Premium SKU, so Basic and Standard
#     registries are findings until upgraded. Values computed at apply time are
#     not judged.
package assure.azure.acr_public_network

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

restricted(body) if off(object.get(body, "public_network_access_enabled", true))

restricted(body) if unknown(object.get(body, "public_network_access_enabled", true))

restricted(body) if tf.block(body, "network_rule_set").default_action == "Deny"

restricted(body) if unknown(object.get(tf.block(body, "network_rule_set"), "default_action", ""))

restricted(body) if body.dynamic.network_rule_set

restricted(body) if unknown(object.get(body, "network_rule_set", []))

resources contains r.id if some r in tf.resources("azurerm_container_registry")

deny contains {"msg": msg, "resource": r.id, "attribute": "network_rule_set.default_action"} if {
	some r in tf.resources("azurerm_container_registry")
	not restricted(r.body)
	msg := sprintf("container registry %s accepts requests from all networks (public access on, no network rules denying by default)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "anonymous_pull_enabled"} if {
	some r in tf.resources("azurerm_container_registry")
	tf.is_true(r.body.anonymous_pull_enabled)
	msg := sprintf("container registry %s allows anonymous (unauthenticated) pulls", [r.name])
}
