# METADATA
# title: Log sinks are enabled, and organization and folder sinks include child projects
# description: >-
#   A disabled sink exports nothing, and an organization or folder sink without
#   include_children exports only the parent's own logs, so the projects'
#   audit logs never reach the central, longer-retained destination.
# custom:
#   id: gcp-logging-sinks
#   severity: medium
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2, ITGC-DI-1]
#   inputs: [terraform]
#   resource_types: [google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink, google_logging_billing_account_sink]
#   remediation: Remove disabled = true from the sink, and set include_children = true on organization and folder sinks (it defaults to false).
#   rationale:
#     CC7.2: Logs the organization relies on for monitoring are not exported or retained centrally.
#     ITGC-OP-2: Security events in child projects do not reach the log store used for monitoring.
#     ITGC-DI-1: The central audit trail is incomplete when sinks are off or skip child projects.
#   limitations: >-
#     Whether every project is covered by some sink cannot be told from one
#     module; sink filters and exclusions are not judged.
package assure.gcp.logging_sinks

import data.assure.lib.terraform as tf
import rego.v1

sink_types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink", "google_logging_billing_account_sink"]

resources contains r.id if {
	some t in sink_types
	some r in tf.resources(t)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "disabled"} if {
	some t in sink_types
	some r in tf.resources(t)
	tf.is_true(r.body.disabled)
	msg := sprintf("log sink %s is disabled and exports nothing", [r.id])
}

deny contains {"msg": msg, "resource": r.id} if {
	some t in ["google_logging_folder_sink", "google_logging_organization_sink"]
	some r in tf.resources(t)
	not has(r.body, "include_children")
	msg := sprintf("%s does not set include_children (false by default): child projects' logs are not exported", [r.id])
}

deny contains {"msg": msg, "resource": r.id, "attribute": "include_children"} if {
	some t in ["google_logging_folder_sink", "google_logging_organization_sink"]
	some r in tf.resources(t)
	r.body.include_children in {false, "false"}
	msg := sprintf("%s sets include_children = false: child projects' logs are not exported", [r.id])
}

# Whether an attribute is set: present, not null and not empty (a null
# attribute means the provider default, as if it were left out).
has(o, k) if {
	is_object(o)
	v := o[k]
	not v in {null, ""}
}
