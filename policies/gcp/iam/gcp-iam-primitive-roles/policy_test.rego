package assure.gcp.iam_primitive_roles_test

import data.assure.gcp.iam_primitive_roles as p
import rego.v1

test_owner_to_user_fails if {
	inp := {"resource": {"google_project_iam_member": {"m": [{"project": "p", "role": "roles/owner", "member": "user:alice@example.com"}]}}}
	count(p.deny) == 1 with input as inp
}

test_editor_binding_to_group_fails if {
	inp := {"resource": {"google_project_iam_binding": {"b": [{"project": "p", "role": "roles/editor", "members": ["group:dev@example.com", "serviceAccount:ci@p.iam.gserviceaccount.com"]}]}}}
	count(p.deny) == 1 with input as inp
}

test_policy_document_fails if {
	doc := json.marshal({"bindings": [{"role": "roles/owner", "members": ["domain:example.com"]}]})
	inp := {"resource": {"google_organization_iam_policy": {"o": [{"org_id": "1", "policy_data": doc}]}}}
	count(p.deny) == 1 with input as inp
}

test_predefined_roles_pass if {
	inp := {"resource": {"google_project_iam_member": {"m": [{"project": "p", "role": "roles/viewer", "member": "user:alice@example.com"}]}}}
	count(p.deny) == 0 with input as inp
}

test_service_account_owner_left_to_other_control if {
	inp := {"resource": {"google_project_iam_member": {"m": [{"project": "p", "role": "roles/owner", "member": "serviceAccount:ci@p.iam.gserviceaccount.com"}]}}}
	count(p.deny) == 0 with input as inp
}

test_unknown_pass if {
	inp := {"resource": {"google_project_iam_binding": {"b": [{"project": "p", "role": "roles/owner", "members": "${var.owners}"}]}, "google_project_iam_member": {"m": [{"role": "${var.role}", "member": "user:a@example.com"}]}}}
	count(p.deny) == 0 with input as inp
}
