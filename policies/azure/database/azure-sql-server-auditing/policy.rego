# METADATA
# title: SQL servers audit database activity and keep it for at least 90 days
# description: >-
#   Server auditing records logins, permission changes and queries on every
#   database of an Azure SQL server; without it, or with audit records deleted
#   after a few days, unauthorized access or changes to data cannot be
#   traced.
# custom:
#   id: azure-sql-server-auditing
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-DI-1, ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_mssql_server_extended_auditing_policy]
#   remediation: >-
#     Add an azurerm_mssql_server_extended_auditing_policy with server_id set to
#     the server, sending to a storage account (retention_in_days 90 or more,
#     or 0 to keep indefinitely) or to Azure Monitor (log_monitoring_enabled).
#   rationale:
#     CC7.2: Database activity is not monitored when server auditing is off or its records expire within days.
#     ITGC-DI-1: The audit trail of changes to financial data is incomplete or not retained without server auditing.
#     ITGC-OP-2: Security events on the database server are not logged.
#   limitations: >-
#     Only auditing policies in the same module that refer to the server are
#     found; auditing enabled by Azure Policy or another module makes this a
#     false finding (suppress it with a reason). The retention of a Log
#     Analytics destination is not checked here.
package assure.azure.sql_server_auditing

import data.assure.lib.terraform as tf
import rego.v1

minimum := 90

server_types := ["azurerm_mssql_server", "azurerm_sql_server"]

off(v) if v == false

off(v) if v == "false"

short(days) if {
	days > 0
	days < minimum
}

audited(t, r) if count(tf.block(r.body, "extended_auditing_policy")) > 0

audited(t, r) if r.body.dynamic.extended_auditing_policy

audited(t, r) if unknown(object.get(r.body, "extended_auditing_policy", []))

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

audited(t, r) if count(tf.siblings("azurerm_mssql_server_extended_auditing_policy", "server_id", t, r.name)) > 0

resources contains r.id if {
	some t in array.concat(server_types, ["azurerm_mssql_server_extended_auditing_policy"])
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in server_types
	some r in tf.resources(t)
	not audited(t, r)
	msg := sprintf("%s has no server auditing policy", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "extended_auditing_policy.retention_in_days"} if {
	some t in server_types
	some r in tf.resources(t)
	days := tf.number(tf.block(r.body, "extended_auditing_policy").retention_in_days)
	short(days)
	msg := sprintf("%s keeps audit records for %v days (minimum %d)", [r.id, days, minimum])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "enabled"} if {
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	off(object.get(a.body, "enabled", true))
	msg := sprintf("%s turns server auditing off (enabled = false)", [a.id])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "retention_in_days"} if {
	some a in tf.resources("azurerm_mssql_server_extended_auditing_policy")
	days := tf.number(a.body.retention_in_days)
	short(days)
	msg := sprintf("%s keeps audit records for %v days (minimum %d)", [a.id, days, minimum])
}
