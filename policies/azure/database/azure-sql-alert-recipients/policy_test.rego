package assure.azure.sql_alert_recipients_test

import data.assure.azure.sql_alert_recipients as p
import rego.v1

policy(body) := {"resource": {"azurerm_mssql_server_security_alert_policy": {"a": [object.union({"state": "Enabled"}, body)]}}}

test_no_recipient_fails if {
	count(p.deny) == 1 with input as policy({})
	count(p.deny) == 1 with input as policy({"email_addresses": []})
	count(p.deny) == 1 with input as policy({"email_account_admins": false})
}

test_recipients_pass if {
	count(p.deny) == 0 with input as policy({"email_addresses": ["sec@example.com"]})
	count(p.deny) == 0 with input as policy({"email_account_admins": true})
	count(p.deny) == 0 with input as policy({"email_account_admins_enabled": true})
	count(p.deny) == 0 with input as policy({"email_addresses": "${var.emails}"})
}

test_disabled_policy_skipped if {
	count(p.deny) == 0 with input as policy({"state": "Disabled"})
	count(p.resources) == 1 with input as policy({"state": "Disabled"})
}

test_legacy_inline if {
	count(p.deny) == 1 with input as {"resource": {"azurerm_sql_server": {"l": [{"threat_detection_policy": [{"state": "Enabled"}]}]}}}
	count(p.deny) == 0 with input as {"resource": {"azurerm_sql_server": {"l": [{"threat_detection_policy": [{"state": "Enabled", "email_addresses": ["a@example.com"]}]}]}}}
	count(p.resources) == 0 with input as {"resource": {"azurerm_sql_server": {"l": [{}]}}}
}
