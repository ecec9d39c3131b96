package assure.gcp.iam_service_account_admin_test

import data.assure.gcp.iam_service_account_admin as p
import rego.v1

member(role, m) := {"resource": {"google_project_iam_member": {"m": [{"project": "p", "role": role, "member": m}]}}}

test_owner_and_admin_roles_fail if {
	count(p.deny) == 1 with input as member("roles/owner", "serviceAccount:app@p.iam.gserviceaccount.com")
	count(p.deny) == 1 with input as member("roles/editor", "serviceAccount:app@p.iam.gserviceaccount.com")
	count(p.deny) == 1 with input as member("roles/iam.serviceAccountAdmin", "serviceAccount:app@p.iam.gserviceaccount.com")
	count(p.deny) == 1 with input as member("roles/storage.admin", "serviceAccount:${google_service_account.app.email}")
	count(p.deny) == 1 with input as member("roles/owner", "${google_service_account.app.member}")
	# In a plan: only the reference of "serviceAccount:${...email}" is known.
	count(p.deny) == 1 with input as member("roles/owner", "${google_service_account.app.email}")
}

test_narrow_roles_and_people_pass if {
	count(p.deny) == 0 with input as member("roles/storage.objectViewer", "serviceAccount:app@p.iam.gserviceaccount.com")
	count(p.deny) == 0 with input as member("roles/owner", "user:alice@example.com")
}

test_binding_fails if {
	inp := {"resource": {"google_organization_iam_binding": {"b": [{"org_id": "1", "role": "roles/resourcemanager.organizationAdmin", "members": ["serviceAccount:tf@p.iam.gserviceaccount.com"]}]}}}
	count(p.deny) == 1 with input as inp
}

test_unknown_passes if {
	count(p.deny) == 0 with input as member("roles/owner", "${var.member}")
	count(p.deny) == 0 with input as member("${var.role}", "serviceAccount:a@p.iam.gserviceaccount.com")
}
