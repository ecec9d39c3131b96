# METADATA
# title: Databases and caches require TLS 1.2 or later
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses; a database or cache that still
#   accepts them lets clients (or an attacker forcing a downgrade) carry
#   credentials and query results over a weak protocol.
# custom:
#   id: azure-database-min-tls
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_postgresql_server, azurerm_mysql_server, azurerm_mariadb_server, azurerm_cosmosdb_account, azurerm_redis_cache, azurerm_postgresql_flexible_server_configuration, azurerm_mysql_flexible_server_configuration]
#   remediation: >-
#     Use TLS 1.2: minimum_tls_version = "1.2" (SQL, Redis),
#     ssl_minimal_tls_version_enforced = "TLS1_2" (single servers),
#     minimal_tls_version = "Tls12" (Cosmos DB), and the server parameters
#     ssl_min_protocol_version = TLSv1.2 (PostgreSQL) or tls_version = TLSv1.2
#     (MySQL flexible servers).
#   rationale:
#     CC6.7: Accepting deprecated TLS versions weakens the encryption of data in transit to the database.
#     ITGC-LA-3: Financial data queried over a weak protocol version is exposed to interception and tampering.
#   limitations: >-
#     Provider defaults are assumed for absent attributes (TLS 1.2, except
#     Redis caches, which default to 1.0 before azurerm v5 and are findings
#     unless the module pins azurerm 5 or later). Server parameters set outside
#     Terraform and values computed at apply time are not judged.
package assure.azure.database_min_tls

import data.assure.lib.terraform as tf
import rego.v1

text(v) := sprintf("%v", [v])

v5_or_later if {
	some t in input.terraform
	some rp in t.required_providers
	regex.match(`^[ ]*(>=|~>|=)?[ ]*v?([5-9]|[1-9][0-9])([.]|[ ]*$)`, rp.azurerm.version)
}

# type -> attribute, weak values
checks := {
	"azurerm_mssql_server": ["minimum_tls_version", {"1.0", "1.1", "Disabled"}],
	"azurerm_postgresql_server": ["ssl_minimal_tls_version_enforced", {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}],
	"azurerm_mysql_server": ["ssl_minimal_tls_version_enforced", {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}],
	"azurerm_mariadb_server": ["ssl_minimal_tls_version_enforced", {"TLS1_0", "TLS1_1", "TLSEnforcementDisabled"}],
	"azurerm_cosmosdb_account": ["minimal_tls_version", {"Tls", "Tls11"}],
	"azurerm_redis_cache": ["minimum_tls_version", {"1.0", "1.1"}],
}

# Server parameters of flexible servers: type -> parameter name.
parameters := {
	"azurerm_postgresql_flexible_server_configuration": "ssl_min_protocol_version",
	"azurerm_mysql_flexible_server_configuration": "tls_version",
}

weak_protocols := {"tlsv1", "tlsv1.0", "tlsv1.1"}

resources contains r.id if {
	some t, _ in checks
	some r in tf.resources(t)
}

resources contains r.id if {
	some t, name in parameters
	some r in tf.resources(t)
	r.body.name == name
}

deny contains {"msg": msg, "resource": r.id, "attribute": attr} if {
	some t, check in checks
	attr := check[0]
	some r in tf.resources(t)
	v := text(r.body[attr])
	v in check[1]
	msg := sprintf("%s accepts connections below TLS 1.2 (%s = %s)", [r.id, attr, v])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_redis_cache")
	object.get(r.body, "minimum_tls_version", null) == null
	not v5_or_later
	msg := sprintf("%s does not set minimum_tls_version, which defaults to 1.0 before azurerm v5", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "value"} if {
	some t, name in parameters
	some r in tf.resources(t)
	r.body.name == name
	is_string(r.body.value)
	some item in split(r.body.value, ",")
	lower(trim_space(item)) in weak_protocols
	msg := sprintf("%s allows %s (server parameter %s)", [r.id, trim_space(item), name])
}
