# METADATA
# title: SQL threat detection alerts are sent to someone
# description: >-
#   A security alert policy with no email addresses and no notification of
#   the subscription's administrators raises alerts that reach nobody, so an
#   injection attack or data exfiltration is detected but not acted on.
# custom:
#   id: azure-sql-alert-recipients
#   severity: medium
#   soc2: [CC7.4, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_mssql_server_security_alert_policy, azurerm_sql_server]
#   remediation: Set email_addresses to a monitored security mailbox and/or email_account_admins_enabled = true (email_account_admins before azurerm v5) on the alert policy.
#   rationale:
#     CC7.4: Alerts routed to no recipient cannot start an incident response.
#     CC7.3: Security events on the database are not delivered to anyone who evaluates them.
#     ITGC-OP-2: Detected attacks on financial databases are not alerted on.
#   limitations: >-
#     Alerts forwarded through Defender for Cloud security contacts or workflow
#     automation configured elsewhere are not seen. Disabled policies are left
#     to azure-sql-threat-detection.
package assure.azure.sql_alert_recipients

import data.assure.lib.terraform as tf
import rego.v1

unknown(v) if {
	is_string(v)
	contains(v, "${")
}

notifies(policy) if {
	emails := object.get(policy, "email_addresses", [])
	is_array(emails)
	count(emails) > 0
}

notifies(policy) if unknown(object.get(policy, "email_addresses", []))

notifies(policy) if {
	some key in ["email_account_admins_enabled", "email_account_admins"]
	v := object.get(policy, key, false)
	tf.is_true(v)
}

notifies(policy) if {
	some key in ["email_account_admins_enabled", "email_account_admins"]
	unknown(object.get(policy, key, false))
}

active(policy) if not object.get(policy, "state", "Enabled") in {"Disabled", "New"}

resources contains a.id if some a in tf.resources("azurerm_mssql_server_security_alert_policy")

resources contains r.id if {
	some r in tf.resources("azurerm_sql_server")
	count(tf.block(r.body, "threat_detection_policy")) > 0
}

deny contains {"msg": msg, "resource": a.id, "attribute": "email_addresses"} if {
	some a in tf.resources("azurerm_mssql_server_security_alert_policy")
	active(a.body)
	not notifies(a.body)
	msg := sprintf("%s sends its alerts to no email address and not to account administrators", [a.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "threat_detection_policy.email_addresses"} if {
	some r in tf.resources("azurerm_sql_server")
	policy := tf.block(r.body, "threat_detection_policy")
	count(policy) > 0
	object.get(policy, "state", "Disabled") == "Enabled"
	not notifies(policy)
	msg := sprintf("%s sends threat detection alerts to no email address and not to account administrators", [r.id])
}
