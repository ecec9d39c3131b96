# METADATA
# title: The activity log is kept for at least a year
# description: >-
#   The subscription activity log records who created, changed or deleted
#   resources and role assignments; exported with a retention shorter than a
#   year (a Log Analytics workspace keeps 30 days by default), it is gone
#   before an audit period or a late-detected intrusion is examined.
# custom:
#   id: azure-activity-log-retention
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-DI-1]
#   inputs: [terraform]
#   resource_types: [azurerm_monitor_log_profile, azurerm_monitor_diagnostic_setting, azurerm_log_analytics_workspace, azurerm_log_analytics_workspace_table]
#   remediation: >-
#     Keep the activity log for 365 days or more: retention_policy days = 365
#     (or 0, forever) on a log profile, and retention_in_days = 365 on the Log
#     Analytics workspace that a subscription diagnostic setting sends it to
#     (or total_retention_in_days on its AzureActivity table).
#   rationale:
#     CC7.2: Control-plane events must be retained long enough to investigate anomalies detected later.
#     ITGC-DI-1: The audit trail of changes to the environment of financial systems is not retained for the audit period.
#   limitations: >-
#     Only workspaces declared in the same module are checked; a workspace
#     referenced by id, storage lifecycle rules and archive tiers configured
#     elsewhere are not seen. Diagnostic settings are recognized as
#     subscription-level when target_resource_id is /subscriptions/ID or a
#     subscription data source's id.
package assure.azure.activity_log_retention

import data.assure.lib.terraform as tf
import rego.v1

minimum := 365

short(days) if {
	days > 0
	days < minimum
}

subscription_scope(s) if {
	is_string(s)
	regex.match(`^/subscriptions/[^/]+/?$`, s)
}

subscription_scope(s) if {
	is_string(s)
	regex.match(`^[$][{]data[.]azurerm_subscription[.][^.}]+[.]id[}]$`, s)
}

subscription_settings contains d if {
	some d in tf.resources("azurerm_monitor_diagnostic_setting")
	subscription_scope(d.body.target_resource_id)
}

# The workspace's retention, raised by a table-level retention for AzureActivity.
retention(w) := days if {
	some t in tf.resources("azurerm_log_analytics_workspace_table")
	t.body.name == "AzureActivity"
	tf.linked(t.body, "workspace_id", "azurerm_log_analytics_workspace", w.name)
	days := max([tf.number(d) | some k in ["total_retention_in_days", "retention_in_days"]; d := t.body[k]])
} else := tf.number(object.get(w.body, "retention_in_days", 30))

resources contains p.id if some p in tf.resources("azurerm_monitor_log_profile")

resources contains d.id if some d in subscription_settings

deny contains {"msg": msg, "resource": p.id, "attribute": "retention_policy.days"} if {
	some p in tf.resources("azurerm_monitor_log_profile")
	policy := tf.block(p.body, "retention_policy")
	tf.is_true(policy.enabled)
	days := tf.number(object.get(policy, "days", 0))
	short(days)
	msg := sprintf("log profile %s keeps the activity log for %v days (minimum %d)", [p.name, days, minimum])
}

deny contains {"msg": msg, "resource": d.id, "attribute": "log_analytics_workspace_id"} if {
	some d in subscription_settings
	some w in tf.resources("azurerm_log_analytics_workspace")
	tf.references(d.body.log_analytics_workspace_id, "azurerm_log_analytics_workspace", w.name)
	days := retention(w)
	days < minimum
	msg := sprintf("%s sends the activity log to workspace %s, which keeps it for %v days (minimum %d)", [d.id, w.name, days, minimum])
}

deny contains {"msg": msg, "resource": d.id, "attribute": sprintf("%s.retention_policy.days", [key])} if {
	some d in subscription_settings
	some key in ["enabled_log", "log"]
	blocks := object.get(d.body, key, [])
	is_array(blocks)
	some b in blocks
	policy := tf.block(b, "retention_policy")
	tf.is_true(policy.enabled)
	days := tf.number(object.get(policy, "days", 0))
	short(days)
	msg := sprintf("%s keeps activity log category %v for %v days (minimum %d)", [d.id, object.get(b, "category", object.get(b, "category_group", "")), days, minimum])
}
