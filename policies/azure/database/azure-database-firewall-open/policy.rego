# METADATA
# title: Database firewall rules do not admit the whole internet or all of Azure
# description: >-
#   A server-level firewall rule from 0.0.0.0 to 255.255.255.255 (or any range
#   of millions of addresses) lets anyone on the internet reach the database's
#   login; the special rule 0.0.0.0 - 0.0.0.0 ("allow Azure services") admits
#   every Azure resource, including other customers'.
# custom:
#   id: azure-database-firewall-open
#   severity: critical
#   soc2: [CC6.6, CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule, azurerm_postgresql_firewall_rule, azurerm_mysql_firewall_rule, azurerm_mariadb_firewall_rule, azurerm_postgresql_flexible_server_firewall_rule, azurerm_mysql_flexible_server_firewall_rule]
#   remediation: >-
#     Replace the rule with the specific addresses of the clients that need the
#     database, or remove it and use private endpoints or virtual network rules.
#   rationale:
#     CC6.6: A firewall rule spanning the internet removes the boundary protection in front of the database.
#     CC6.1: Anyone able to reach the server can attempt to authenticate to it.
#     ITGC-LA-1: Financial databases accept connections from networks that are not authorized.
#   limitations: >-
#     Only IPv4 rules declared in Terraform are examined; addresses computed at
#     apply time are not judged. Rules of 2^24 addresses or more (a /8) are
#     treated as open to the internet.
package assure.azure.database_firewall_open

import data.assure.lib.terraform as tf
import rego.v1

types := [
	"azurerm_mssql_firewall_rule",
	"azurerm_sql_firewall_rule",
	"azurerm_postgresql_firewall_rule",
	"azurerm_mysql_firewall_rule",
	"azurerm_mariadb_firewall_rule",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_flexible_server_firewall_rule",
]

# Ranges this large are the internet, not a client network.
too_wide := 16777216

ip(v) := n if {
	is_string(v)
	regex.match(`^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$`, v)
	parts := [to_number(p) | some p in split(v, ".")]
	n := ((parts[0] * 256 + parts[1]) * 256 + parts[2]) * 256 + parts[3]
}

resources contains r.id if {
	some t in types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "end_ip_address"} if {
	some t in types
	some r in tf.resources(t)
	start := ip(r.body.start_ip_address)
	end := ip(r.body.end_ip_address)
	(end - start) + 1 >= too_wide
	msg := sprintf("%s admits %s - %s, a range of the public internet", [r.id, r.body.start_ip_address, r.body.end_ip_address])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "start_ip_address"} if {
	some t in types
	some r in tf.resources(t)
	r.body.start_ip_address == "0.0.0.0"
	r.body.end_ip_address == "0.0.0.0"
	msg := sprintf("%s allows access from all Azure services, including other tenants' resources (0.0.0.0 - 0.0.0.0)", [r.id])
}
