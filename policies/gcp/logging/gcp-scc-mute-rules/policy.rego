# METADATA
# title: Security Command Center mute rules do not hide high or critical findings wholesale
# description: >-
#   A mute rule with an empty filter, or one that mutes by severity HIGH or
#   CRITICAL without naming a category or resource, silences the findings
#   that most need triage, so real threats are never looked at.
# custom:
#   id: gcp-scc-mute-rules
#   severity: medium
#   soc2: [CC7.3]
#   soc1: [ITGC-OP-2]
#   inputs: [terraform]
#   resource_types: [google_scc_mute_config, google_scc_v2_organization_mute_config, google_scc_v2_folder_mute_config, google_scc_v2_project_mute_config]
#   remediation: Narrow the mute rule's filter to a specific category and resource (for example category="PUBLIC_BUCKET_ACL" AND resource.name="..."), and never mute by severity alone.
#   rationale:
#     CC7.3: Findings muted in bulk are never evaluated, so security events go unanalysed.
#     ITGC-OP-2: Security events detected by Security Command Center are not surfaced for monitoring.
#   limitations: >-
#     The filter is read as text, not parsed: unusual spellings may be missed,
#     and whether Security Command Center is activated is not visible in
#     Terraform.
package assure.gcp.scc_mute_rules

import data.assure.lib.terraform as tf
import rego.v1

mute_types := ["google_scc_mute_config", "google_scc_v2_organization_mute_config", "google_scc_v2_folder_mute_config", "google_scc_v2_project_mute_config"]

resources contains r.id if {
	some t in mute_types
	some r in tf.resources(t)
}

# An empty filter matches every finding.
broad(filter) := "matches every finding" if trim_space(filter) == ""

# Muting by high or critical severity, without naming what is muted.
broad(filter) := "mutes findings by HIGH or CRITICAL severity without naming a category or resource" if {
	text := lower(filter)
	regex.match(`(^|[^-a-z0-9_.])severity[ \t]*[=:][ \t]*"?(high|critical)`, text)
	not regex.match(`(category|resource\.|finding_class|indicator)`, text)
}

deny contains {"msg": msg, "resource": r.id, "attribute": "filter"} if {
	some t in mute_types
	some r in tf.resources(t)
	filter := r.body.filter
	is_string(filter)
	not contains(filter, "${")
	why := broad(filter)
	msg := sprintf("mute rule %s %s", [r.id, why])
}
