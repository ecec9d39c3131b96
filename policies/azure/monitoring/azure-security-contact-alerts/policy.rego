# METADATA
# title: Defender for Cloud sends security alerts to the security contact and admins
# description: >-
#   With alert notifications off, Defender for Cloud detects threats but
#   emails nobody: high-severity alerts wait in the portal until someone
#   happens to look.
# custom:
#   id: azure-security-contact-alerts
#   severity: medium
#   soc2: [CC7.4, CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_security_center_contact]
#   remediation: Set alert_notifications = true and alerts_to_admins = true on the security contact, with an email address that the security team monitors.
#   rationale:
#     CC7.4: Security alerts must reach the people who respond to incidents.
#     CC7.3: Alerts that notify nobody are not evaluated.
#     ITGC-OP-2: Security events detected in the subscription are not alerted on.
#   limitations: >-
#     Alerts routed through workflow automation, a SIEM or Event Hubs are not
#     seen; contacts configured outside Terraform are not examined.
package assure.azure.security_contact_alerts

import data.assure.lib.terraform as tf
import rego.v1

off(v) if v == false

off(v) if v == "false"

settings := {
	"alert_notifications": "the security contact",
	"alerts_to_admins": "subscription owners",
}

resources contains r.id if some r in tf.resources("azurerm_security_center_contact")

deny contains {"msg": msg, "resource": r.id, "attribute": key} if {
	some r in tf.resources("azurerm_security_center_contact")
	some key, who in settings
	off(r.body[key])
	msg := sprintf("security contact %s does not send security alerts to %s (%s = false)", [r.name, who, key])
}

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("azurerm_security_center_contact")
	some key, who in settings
	object.get(r.body, key, null) == null
	msg := sprintf("security contact %s does not set %s, so alerts are not sent to %s", [r.name, key, who])
}
