# METADATA
# title: Activity log exports capture every category
# description: >-
#   An activity log export that leaves out categories (for example only
#   Action, or only Administrative) silently drops deletions, writes,
#   security alerts or policy events from the retained audit trail; a log
#   profile that omits the global location also drops tenant-wide events.
# custom:
#   id: azure-activity-log-categories
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-DI-1, ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [azurerm_monitor_log_profile, azurerm_monitor_diagnostic_setting]
#   remediation: >-
#     List categories Action, Delete and Write and the location "global" on log
#     profiles; on subscription diagnostic settings enable the Administrative,
#     Security, Policy and Alert categories (or category_group = "allLogs").
#   rationale:
#     CC7.2: Events of the omitted categories are not available to monitoring or investigation.
#     ITGC-DI-1: The audit trail of changes to the environment is incomplete.
#     ITGC-OP-2: Security alerts and policy events of the subscription are not logged.
#   limitations: >-
#     Only exports declared in the same module are examined, and a subscription
#     with no export at all is not reported. Diagnostic settings are recognized
#     as subscription-level when target_resource_id is /subscriptions/ID or a
#     subscription data source's id.
package assure.azure.activity_log_categories

import data.assure.lib.terraform as tf
import rego.v1

profile_categories := ["Action", "Delete", "Write"]

setting_categories := ["Administrative", "Security", "Policy", "Alert"]

unknown(v) if {
	is_string(v)
	contains(v, "${")
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

enabled_blocks(body) := [b |
	some key in ["enabled_log", "log"]
	blocks := object.get(body, key, [])
	is_array(blocks)
	some b in blocks
	object.get(b, "enabled", true) != false
]

all_logs(body) if {
	some b in enabled_blocks(body)
	lower(object.get(b, "category_group", "")) == "alllogs"
}

# Dynamic blocks or computed categories: not judged.
all_logs(body) if body.dynamic.enabled_log

all_logs(body) if body.dynamic.log

all_logs(body) if {
	some b in enabled_blocks(body)
	unknown(object.get(b, "category", ""))
}

resources contains p.id if some p in tf.resources("azurerm_monitor_log_profile")

resources contains d.id if some d in subscription_settings

deny contains {"msg": msg, "resource": p.id, "attribute": "categories"} if {
	some p in tf.resources("azurerm_monitor_log_profile")
	cats := p.body.categories
	is_array(cats)
	missing := [c | some c in profile_categories; not c in cats]
	count(missing) > 0
	msg := sprintf("log profile %s does not capture categories %s", [p.name, concat(", ", missing)])
}

deny contains {"msg": msg, "resource": p.id, "attribute": "locations"} if {
	some p in tf.resources("azurerm_monitor_log_profile")
	locs := p.body.locations
	is_array(locs)
	not "global" in locs
	not unknown_any(locs)
	msg := sprintf("log profile %s does not include the global location, so tenant-wide events are not captured", [p.name])
}

unknown_any(list) if {
	some v in list
	unknown(v)
}

deny contains {"msg": msg, "resource": d.id} if {
	some d in subscription_settings
	not all_logs(d.body)
	have := {b.category | some b in enabled_blocks(d.body)}
	missing := [c | some c in setting_categories; not c in have]
	count(missing) > 0
	msg := sprintf("%s does not export activity log categories %s", [d.id, concat(", ", missing)])
}
