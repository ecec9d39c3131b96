# METADATA
# title: Cosmos DB accounts are not open to all networks
# description: >-
#   A Cosmos DB account with public network access and no IP or virtual
#   network filter accepts requests from any address, so a leaked account key
#   or token gives access to its data from anywhere.
# custom:
#   id: azure-cosmosdb-public-network
#   severity: high
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_cosmosdb_account]
#   remediation: >-
#     Set public_network_access_enabled = false and use private endpoints, or
#     set is_virtual_network_filter_enabled = true with virtual_network_rule
#     blocks and/or an ip_range_filter listing the allowed addresses.
#   rationale:
#     CC6.6: A database endpoint that accepts all networks is not protected at the system boundary.
#     ITGC-LA-1: Data in the account is reachable from unauthorized networks with a key alone.
#   limitations: >-
#     The provider default (public access enabled) is assumed when the
#     attribute is absent; firewall settings applied outside Terraform and
#     values computed at apply time are not judged.
package assure.azure.cosmosdb_public_network

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

# ip_range_filter is a comma-separated string before azurerm v4, a list after.
ranges(body) := [trim_space(x) | some x in split(body.ip_range_filter, ","); trim_space(x) != ""] if is_string(body.ip_range_filter)

ranges(body) := body.ip_range_filter if is_array(body.ip_range_filter)

restricted(body) if off(object.get(body, "public_network_access_enabled", true))

restricted(body) if unknown(object.get(body, "public_network_access_enabled", true))

restricted(body) if tf.is_true(object.get(body, "is_virtual_network_filter_enabled", false))

restricted(body) if unknown(object.get(body, "is_virtual_network_filter_enabled", false))

restricted(body) if unknown(object.get(body, "ip_range_filter", ""))

restricted(body) if count(ranges(body)) > 0

resources contains r.id if some r in tf.resources("azurerm_cosmosdb_account")

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_cosmosdb_account")
	not restricted(r.body)
	msg := sprintf("Cosmos DB account %s accepts requests from all networks (public access on, no IP or virtual network filter)", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "ip_range_filter"} if {
	some r in tf.resources("azurerm_cosmosdb_account")
	not off(object.get(r.body, "public_network_access_enabled", true))
	some cidr in ranges(r.body)
	cidr == "0.0.0.0/0"
	msg := sprintf("Cosmos DB account %s allows %s in its IP filter", [r.name, cidr])
}
