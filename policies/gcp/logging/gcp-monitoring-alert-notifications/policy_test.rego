package assure.gcp.monitoring_alert_notifications_test

import data.assure.gcp.monitoring_alert_notifications as p
import rego.v1

policy(body) := {"resource": {"google_monitoring_alert_policy": {"a": [object.union({"display_name": "a", "combiner": "OR"}, body)]}}}

test_routed_passes if {
	count(p.deny) == 0 with input as policy({"notification_channels": ["${google_monitoring_notification_channel.oncall.id}"]})
	count(p.deny) == 0 with input as policy({"notification_channels": "${var.channels}"})
}

test_unrouted_fails if {
	count(p.deny) == 1 with input as policy({})
	count(p.deny) == 1 with input as policy({"notification_channels": []})
}

test_disabled_fails if {
	count(p.deny) == 1 with input as policy({"notification_channels": ["x"], "enabled": false})
}
