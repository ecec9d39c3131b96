# METADATA
# title: Network flow logs are enabled and kept for at least 90 days
# description: >-
#   Flow logs record which addresses reached which ports through a network
#   security group or virtual network; a disabled flow log, or one deleted
#   after a few days, leaves no record of the traffic when an intrusion is
#   investigated weeks later.
# custom:
#   id: azure-flow-log-retention
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform]
#   resource_types: [azurerm_network_watcher_flow_log]
#   remediation: Set enabled = true and retention_policy { enabled = true, days = 90 } (or more; 0 keeps records indefinitely) on the flow log.
#   rationale:
#     CC7.2: Network traffic cannot be monitored or investigated for anomalies without enabled, retained flow logs.
#     ITGC-OP-2: Disabled flow logs leave security events on the network unlogged.
#     ITGC-DI-1: Flow records deleted within days do not support investigation of events in the audit period.
#   limitations: >-
#     Only flow logs declared in Terraform are examined: network security groups
#     or virtual networks with no flow log at all are not reported. A retention
#     policy that is disabled keeps records indefinitely and passes; lifecycle
#     rules on the storage account that delete them sooner are not seen.
package assure.azure.flow_log_retention

import data.assure.lib.terraform as tf
import rego.v1

minimum := 90

off(v) if v == false

off(v) if v == "false"

resources contains f.id if some f in tf.resources("azurerm_network_watcher_flow_log")

deny contains {"msg": msg, "resource": f.id, "attribute": "enabled"} if {
	some f in tf.resources("azurerm_network_watcher_flow_log")
	off(object.get(f.body, "enabled", true))
	msg := sprintf("flow log %s is disabled (enabled = false)", [f.name])
}

deny contains {"msg": msg, "resource": f.id, "attribute": "retention_policy.days"} if {
	some f in tf.resources("azurerm_network_watcher_flow_log")
	policy := tf.block(f.body, "retention_policy")
	tf.is_true(policy.enabled)
	days := tf.number(policy.days)
	days > 0
	days < minimum
	msg := sprintf("flow log %s keeps records for %v days (minimum %d)", [f.name, days, minimum])
}
