# METADATA
# title: SQL servers have threat detection (Defender for SQL) with all alerts on
# description: >-
#   Microsoft Defender for SQL raises alerts on SQL injection, anomalous
#   access and data exfiltration; a server without a security alert policy,
#   or with alert types disabled, lets those attacks go unnoticed.
# custom:
#   id: azure-sql-threat-detection
#   severity: medium
#   soc2: [CC7.2, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server, azurerm_sql_server, azurerm_mssql_server_security_alert_policy, azurerm_security_center_subscription_pricing]
#   remediation: >-
#     Add an azurerm_mssql_server_security_alert_policy for the server with
#     state = "Enabled" and no disabled_alerts, or enable Defender for SQL for
#     the subscription (azurerm_security_center_subscription_pricing with
#     resource_type = "SqlServers" and tier = "Standard").
#   rationale:
#     CC7.2: Threat detection is the monitoring that flags anomalous activity on the database.
#     CC7.3: Disabled alert types mean injection or exfiltration events are never raised for evaluation.
#     ITGC-OP-2: Attacks on financial databases are not detected or alerted on.
#   limitations: >-
#     Only alert policies and Defender plans in the same module are found;
#     Defender enabled for the subscription elsewhere makes a missing policy a
#     false finding (suppress it with a reason). Values computed at apply time
#     are not judged.
package assure.azure.sql_threat_detection

import data.assure.lib.terraform as tf
import rego.v1

server_types := ["azurerm_mssql_server", "azurerm_sql_server"]

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

defender_for_sql if {
	some p in tf.resources("azurerm_security_center_subscription_pricing")
	p.body.resource_type == "SqlServers"
	p.body.tier == "Standard"
}

covered(_, r) if count(tf.block(r.body, "threat_detection_policy")) > 0

covered(t, r) if count(tf.siblings("azurerm_mssql_server_security_alert_policy", "server_name", t, r.name)) > 0

covered(_, _) if defender_for_sql

covered(_, r) if r.body.dynamic.threat_detection_policy

covered(_, r) if unknown(object.get(r.body, "threat_detection_policy", []))

resources contains r.id if {
	some t in array.concat(server_types, ["azurerm_mssql_server_security_alert_policy"])
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in server_types
	some r in tf.resources(t)
	not covered(t, r)
	msg := sprintf("%s has no security alert policy (threat detection) and Defender for SQL is not enabled in this module", [r.id])
}

# Separate alert policies: state is required.
deny contains {"msg": msg, "resource": a.id, "attribute": "state"} if {
	some a in tf.resources("azurerm_mssql_server_security_alert_policy")
	state := object.get(a.body, "state", "Disabled")
	not unknown(state)
	state != "Enabled"
	msg := sprintf("%s has state %s, so threat detection is off", [a.id, state])
}

# Inline policies of azurerm_sql_server default to Disabled.
deny contains {"msg": msg, "resource": r.id, "attribute": "threat_detection_policy.state"} if {
	some r in tf.resources("azurerm_sql_server")
	policy := tf.block(r.body, "threat_detection_policy")
	count(policy) > 0
	state := object.get(policy, "state", "Disabled")
	not unknown(state)
	state != "Enabled"
	msg := sprintf("%s has threat detection state %s", [r.id, state])
}

deny contains {"msg": msg, "resource": a.id, "attribute": "disabled_alerts"} if {
	some a in tf.resources("azurerm_mssql_server_security_alert_policy")
	alerts := object.get(a.body, "disabled_alerts", [])
	is_array(alerts)
	count(alerts) > 0
	msg := sprintf("%s disables alerts %s", [a.id, concat(", ", [sprintf("%v", [x]) | some x in alerts])])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "threat_detection_policy.disabled_alerts"} if {
	some r in tf.resources("azurerm_sql_server")
	alerts := object.get(tf.block(r.body, "threat_detection_policy"), "disabled_alerts", [])
	is_array(alerts)
	count(alerts) > 0
	msg := sprintf("%s disables threat detection alerts %s", [r.id, concat(", ", [sprintf("%v", [x]) | some x in alerts])])
}
