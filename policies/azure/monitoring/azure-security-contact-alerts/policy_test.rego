package assure.azure.security_contact_alerts_test

import data.assure.azure.security_contact_alerts as p
import rego.v1

contact(body) := {"resource": {"azurerm_security_center_contact": {"c": [object.union({"email": "sec@example.com"}, body)]}}}

test_notifications_off_fail if {
	count(p.deny) == 2 with input as contact({"alert_notifications": false, "alerts_to_admins": false})
	count(p.deny) == 1 with input as contact({"alert_notifications": true, "alerts_to_admins": false})
	count(p.deny) == 1 with input as contact({"alert_notifications": true})
}

test_notifications_on_pass if {
	count(p.deny) == 0 with input as contact({"alert_notifications": true, "alerts_to_admins": true})
	count(p.deny) == 0 with input as contact({"alert_notifications": "${var.a}", "alerts_to_admins": "${var.b}"})
	count(p.resources) == 1 with input as contact({})
}
