package assure.azure.activity_log_categories_test

import data.assure.azure.activity_log_categories as p
import rego.v1

profile(body) := {"resource": {"azurerm_monitor_log_profile": {"p": [body]}}}

setting(logs) := {"resource": {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "/subscriptions/0000", "enabled_log": logs}]}}}

test_profile_categories if {
	count(p.deny) == 1 with input as profile({"categories": ["Action"], "locations": ["global"]})
	count(p.deny) == 0 with input as profile({"categories": ["Action", "Delete", "Write"], "locations": ["global", "westeurope"]})
}

test_profile_locations if {
	count(p.deny) == 1 with input as profile({"categories": ["Action", "Delete", "Write"], "locations": ["westeurope"]})
	count(p.deny) == 0 with input as profile({"categories": ["Action", "Delete", "Write"], "locations": ["${var.location}"]})
}

test_setting_categories if {
	count(p.deny) == 1 with input as setting([{"category": "Administrative"}])
	all := [{"category": "Administrative"}, {"category": "Security"}, {"category": "Policy"}, {"category": "Alert"}]
	count(p.deny) == 0 with input as setting(all)
	count(p.deny) == 0 with input as setting([{"category_group": "allLogs"}])
	count(p.deny) == 0 with input as setting([{"category": "${each.value}"}])
}

test_resource_settings_ignored if {
	inp := {"resource": {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "${azurerm_key_vault.kv.id}", "enabled_log": [{"category": "AuditEvent"}]}]}}}
	count(p.deny) == 0 with input as inp
	count(p.resources) == 0 with input as inp
}
