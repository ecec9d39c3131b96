package assure.azure.flow_log_retention_test

import data.assure.azure.flow_log_retention as p
import rego.v1

flow(body) := {"resource": {"azurerm_network_watcher_flow_log": {"f": [body]}}}

test_disabled_fails if {
	count(p.deny) == 1 with input as flow({"enabled": false, "retention_policy": [{"enabled": true, "days": 90}]})
}

test_short_retention_fails if {
	count(p.deny) == 1 with input as flow({"enabled": true, "retention_policy": [{"enabled": true, "days": 7}]})
	count(p.deny) == 1 with input as flow({"enabled": true, "retention_policy": [{"enabled": "true", "days": "30"}]})
}

test_disabled_and_short_fails_twice if {
	count(p.deny) == 2 with input as flow({"enabled": false, "retention_policy": [{"enabled": true, "days": 10}]})
}

test_long_forever_or_no_deletion_pass if {
	count(p.deny) == 0 with input as flow({"enabled": true, "retention_policy": [{"enabled": true, "days": 365}]})
	count(p.deny) == 0 with input as flow({"enabled": true, "retention_policy": [{"enabled": true, "days": 0}]})
	count(p.deny) == 0 with input as flow({"enabled": true, "retention_policy": [{"enabled": false, "days": 7}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as flow({"enabled": "${var.on}", "retention_policy": [{"enabled": true, "days": "${var.days}"}]})
	count(p.resources) == 1 with input as flow({})
}
