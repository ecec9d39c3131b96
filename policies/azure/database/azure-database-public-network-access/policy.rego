# METADATA
# title: Database servers disable public network access
# description: >-
#   A database server with public network access has an endpoint on the
#   internet: one broad firewall rule or a leaked password away from being
#   reached from anywhere. Private endpoints or VNet integration keep it
#   inside the network.
# custom:
#   id: azure-database-public-network-access
#   severity: high
#   soc2: [CC6.6]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server, azurerm_postgresql_flexible_server, azurerm_mysql_flexible_server]
#   remediation: >-
#     Set public_network_access_enabled = false (public_network_access =
#     "Disabled" on MySQL flexible servers) and connect through private
#     endpoints, or deploy flexible servers into a delegated subnet.
#   rationale:
#     CC6.6: A database endpoint on the internet is not protected at the system boundary.
#     ITGC-LA-1: Financial databases reachable from any network depend on credentials alone to restrict access.
#   limitations: >-
#     The providers' default (public access enabled) is assumed when the
#     attribute is absent. Firewall rules that admit no address, and network
#     restrictions applied outside Terraform, are not taken into account;
#     values computed at apply time are not judged.
package assure.azure.database_public_network_access

import data.assure.lib.terraform as tf
import rego.v1

# Types whose public_network_access_enabled defaults to true.
flag_types := [
	"azurerm_mssql_server",
	"azurerm_postgresql_server",
	"azurerm_mysql_server",
	"azurerm_mariadb_server",
	"azurerm_postgresql_flexible_server",
]

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

on(v) if v == true

on(v) if v == "true"

# Flexible servers deployed into a delegated subnet have no public endpoint.
vnet_integrated(body) if present(body.delegated_subnet_id)

resources contains r.id if {
	some t in array.concat(flag_types, ["azurerm_mysql_flexible_server"])
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "public_network_access_enabled"} if {
	some t in flag_types
	some r in tf.resources(t)
	on(r.body.public_network_access_enabled)
	msg := sprintf("%s allows public network access", [r.id])
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in flag_types
	some r in tf.resources(t)
	not present(object.get(r.body, "public_network_access_enabled", null))
	not vnet_integrated(r.body)
	msg := sprintf("%s does not set public_network_access_enabled, which defaults to true", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "public_network_access"} if {
	some r in tf.resources("azurerm_mysql_flexible_server")
	v := object.get(r.body, "public_network_access", "Enabled")
	not unknown(v)
	v != "Disabled"
	not vnet_integrated(r.body)
	msg := sprintf("%s allows public network access (public_network_access is %s, or Enabled when not set)", [r.id, v])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
