package assure.gcp.scc_mute_rules_test

import data.assure.gcp.scc_mute_rules as p
import rego.v1

mute(filter) := {"resource": {"google_scc_v2_organization_mute_config": {"m": [{"mute_config_id": "m", "organization": "1", "location": "global", "type": "STATIC", "filter": filter}]}}}

test_specific_passes if {
	count(p.deny) == 0 with input as mute(`category="OPEN_FIREWALL" AND resource.project_display_name="sandbox"`)
	count(p.deny) == 0 with input as mute(`severity="LOW"`)
	count(p.deny) == 0 with input as mute(`-severity="CRITICAL" AND state="ACTIVE"`)
}

test_broad_fails if {
	count(p.deny) == 1 with input as mute("")
	count(p.deny) == 1 with input as mute(`severity="HIGH"`)
	count(p.deny) == 1 with input as mute(`state="ACTIVE" AND severity = "CRITICAL"`)
}

test_unknown_passes if {
	count(p.deny) == 0 with input as mute("${var.filter}")
}
