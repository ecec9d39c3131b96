# METADATA
# title: Databases and caches refuse unencrypted connections
# description: >-
#   A PostgreSQL, MySQL or MariaDB server without SSL enforcement, or a Redis
#   cache with its non-TLS port open, accepts clients that send passwords and
#   data in clear text.
# custom:
#   id: azure-database-ssl-enforcement
#   severity: high
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server, azurerm_postgresql_flexible_server_configuration, azurerm_mysql_flexible_server_configuration, azurerm_redis_cache]
#   remediation: >-
#     Set ssl_enforcement_enabled = true on single servers, keep the
#     require_secure_transport server parameter ON on flexible servers, and set
#     non_ssl_port_enabled = false (enable_non_ssl_port before azurerm v4) on
#     Redis caches.
#   rationale:
#     CC6.7: A database that accepts unencrypted connections lets data and credentials cross the network in clear text.
#     ITGC-LA-3: Financial data exchanged without encryption can be read or altered in transit.
#   limitations: >-
#     Flexible servers enforce TLS by default; only an explicit
#     require_secure_transport parameter set to OFF in Terraform is seen.
#     Values computed at apply time are not judged.
package assure.azure.database_ssl_enforcement

import data.assure.lib.terraform as tf
import rego.v1

single_types := ["azurerm_postgresql_server", "azurerm_mysql_server", "azurerm_mariadb_server"]

parameter_types := ["azurerm_postgresql_flexible_server_configuration", "azurerm_mysql_flexible_server_configuration"]

off(v) if v == false

off(v) if v == "false"

on(v) if v == true

on(v) if v == "true"

resources contains r.id if {
	some t in array.concat(single_types, ["azurerm_redis_cache"])
	some r in tf.resources(t)
}

resources contains r.id if {
	some t in parameter_types
	some r in tf.resources(t)
	r.body.name == "require_secure_transport"
}

deny contains {"msg": msg, "resource": r.id, "attribute": "ssl_enforcement_enabled"} if {
	some t in single_types
	some r in tf.resources(t)
	off(r.body.ssl_enforcement_enabled)
	msg := sprintf("%s accepts connections without SSL (ssl_enforcement_enabled = false)", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "value"} if {
	some t in parameter_types
	some r in tf.resources(t)
	r.body.name == "require_secure_transport"
	is_string(r.body.value)
	lower(r.body.value) in {"off", "0", "false"}
	msg := sprintf("%s turns require_secure_transport off, so the server accepts unencrypted connections", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": key} if {
	some r in tf.resources("azurerm_redis_cache")
	some key in ["non_ssl_port_enabled", "enable_non_ssl_port"]
	on(r.body[key])
	msg := sprintf("%s opens the non-TLS port 6379 (%s = true)", [r.id, key])
}
