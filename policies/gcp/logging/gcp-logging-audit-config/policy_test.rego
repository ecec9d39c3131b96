package assure.gcp.logging_audit_config_test

import data.assure.gcp.logging_audit_config as p
import rego.v1

full := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]

test_full_config_passes if {
	inp := {"resource": {
		"google_project": {"app": [{"project_id": "app-prod", "name": "app"}]},
		"google_project_iam_audit_config": {"all": [{"project": "${google_project.app.project_id}", "service": "allServices", "audit_log_config": full}]},
	}}
	count(p.deny) == 0 with input as inp
	count(p.resources) == 2 with input as inp
}

test_missing_types_fail if {
	inp := {"resource": {"google_project_iam_audit_config": {"all": [{"project": "p", "service": "allServices", "audit_log_config": [{"log_type": "ADMIN_READ"}]}]}}}
	count(p.deny) == 1 with input as inp
}

test_exempted_members_fail if {
	cfg := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": ["user:bot@example.com"]}, {"log_type": "DATA_WRITE"}]
	inp := {"resource": {"google_organization_iam_audit_config": {"org": [{"org_id": "1", "service": "allServices", "audit_log_config": cfg}]}}}
	count(p.deny) == 1 with input as inp
}

test_project_without_config_fails if {
	inp := {"resource": {"google_project": {"app": [{"project_id": "app-prod", "name": "app"}]}}}
	count(p.deny) == 1 with input as inp
}

test_project_with_literal_id_and_folder_config_pass if {
	lit := {"resource": {
		"google_project": {"app": [{"project_id": "app-prod", "name": "app"}]},
		"google_project_iam_audit_config": {"all": [{"project": "app-prod", "service": "allServices", "audit_log_config": full}]},
	}}
	count(p.deny) == 0 with input as lit
	folder := {"resource": {
		"google_project": {"app": [{"project_id": "app-prod", "name": "app"}]},
		"google_folder_iam_audit_config": {"f": [{"folder": "folders/1", "service": "allServices", "audit_log_config": full}]},
	}}
	count(p.deny) == 0 with input as folder
}

test_unknown_blocks_do_not_error if {
	inp := {"resource": {"google_project_iam_audit_config": {"all": [{"project": "p", "service": "${var.service}", "audit_log_config": [{"log_type": "DATA_READ", "exempted_members": "${var.exempt}"}]}]}}}
	count(p.deny) == 0 with input as inp
}
