# METADATA
# title: Monitoring alert policies are enabled and notify someone
# description: >-
#   An alert policy without notification channels, or a disabled one, opens
#   incidents that nobody is told about, so security and availability alerts
#   go unanswered.
# custom:
#   id: gcp-monitoring-alert-notifications
#   severity: medium
#   soc2: [CC7.3, CC7.4]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [google_monitoring_alert_policy]
#   remediation: Give every alert policy at least one notification_channels entry (on-call, e-mail, Pub/Sub) and remove enabled = false.
#   rationale:
#     CC7.3: Alerts that reach nobody cannot be evaluated as potential security events.
#     CC7.4: Incidents detected by the alert are not routed to the people who respond to them.
#     ITGC-OP-2: Failures and security events are detected but not alerted on.
#   limitations: >-
#     Whether the channels reach a staffed on-call rotation is not known from
#     configuration; channels held in unevaluated variables are assumed set.
package assure.gcp.monitoring_alert_notifications

import data.assure.lib.terraform as tf
import rego.v1

resources contains r.id if some r in tf.resources("google_monitoring_alert_policy")

deny contains {"msg": msg, "resource": r.id} if {
	some r in tf.resources("google_monitoring_alert_policy")
	not has(r.body, "notification_channels")
	msg := sprintf("alert policy %s has no notification_channels: its incidents notify nobody", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "notification_channels"} if {
	some r in tf.resources("google_monitoring_alert_policy")
	r.body.notification_channels == []
	msg := sprintf("alert policy %s has an empty notification_channels list", [r.name])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "enabled"} if {
	some r in tf.resources("google_monitoring_alert_policy")
	r.body.enabled in {false, "false"}
	msg := sprintf("alert policy %s is disabled", [r.name])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
