package assure.azure.activity_log_retention_test

import data.assure.azure.activity_log_retention as p
import rego.v1

profile(policy) := {"resource": {"azurerm_monitor_log_profile": {"p": [{"retention_policy": [policy]}]}}}

setting := {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "${data.azurerm_subscription.current.id}", "log_analytics_workspace_id": "${azurerm_log_analytics_workspace.w.id}", "enabled_log": [{"category": "Administrative"}]}]}}

workspace(body) := {"azurerm_log_analytics_workspace": {"w": [body]}}

test_log_profile if {
	count(p.deny) == 1 with input as profile({"enabled": true, "days": 30})
	count(p.deny) == 0 with input as profile({"enabled": true, "days": 365})
	count(p.deny) == 0 with input as profile({"enabled": true, "days": 0})
	count(p.deny) == 0 with input as profile({"enabled": false, "days": 7})
	count(p.deny) == 0 with input as profile({"enabled": true, "days": "${var.days}"})
}

test_workspace_default_fails if {
	count(p.deny) == 1 with input as {"resource": object.union(setting, workspace({}))}
	count(p.deny) == 1 with input as {"resource": object.union(setting, workspace({"retention_in_days": 90}))}
}

test_workspace_year_passes if {
	count(p.deny) == 0 with input as {"resource": object.union(setting, workspace({"retention_in_days": 365}))}
	count(p.deny) == 0 with input as {"resource": object.union(setting, workspace({"retention_in_days": "${var.days}"}))}
}

test_activity_table_retention if {
	table := {"azurerm_log_analytics_workspace_table": {"t": [{"name": "AzureActivity", "workspace_id": "${azurerm_log_analytics_workspace.w.id}", "total_retention_in_days": 730}]}}
	count(p.deny) == 0 with input as {"resource": object.union(object.union(setting, workspace({})), table)}
}

test_resource_scope_settings_ignored if {
	other := {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "${azurerm_key_vault.kv.id}", "log_analytics_workspace_id": "${azurerm_log_analytics_workspace.w.id}"}]}}
	count(p.deny) == 0 with input as {"resource": object.union(other, workspace({}))}
	count(p.resources) == 0 with input as {"resource": object.union(other, workspace({}))}
}

test_deprecated_retention_policy if {
	s := {"azurerm_monitor_diagnostic_setting": {"d": [{"target_resource_id": "/subscriptions/0000", "storage_account_id": "${azurerm_storage_account.logs.id}", "log": [{"category": "Administrative", "retention_policy": [{"enabled": true, "days": 90}]}]}]}}
	count(p.deny) == 1 with input as {"resource": s}
}
