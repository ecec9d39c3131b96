package assure.gcp.storage_public_access_test

import data.assure.gcp.storage_public_access as p
import rego.v1

test_member_all_users_fails if {
	inp := {"resource": {"google_storage_bucket_iam_member": {"pub": [{"bucket": "b", "role": "roles/storage.objectViewer", "member": "allUsers"}]}}}
	count(p.deny) == 1 with input as inp
}

test_binding_all_authenticated_fails if {
	inp := {"resource": {"google_storage_bucket_iam_binding": {"pub": [{"bucket": "b", "role": "roles/storage.objectViewer", "members": ["group:team@example.com", "allAuthenticatedUsers"]}]}}}
	count(p.deny) == 1 with input as inp
}

test_named_members_pass if {
	inp := {"resource": {"google_storage_bucket_iam_binding": {"ok": [{"bucket": "b", "role": "roles/storage.objectViewer", "members": ["group:team@example.com"]}]}}}
	count(p.deny) == 0 with input as inp
	p.resources == {"google_storage_bucket_iam_binding.ok"} with input as inp
}

test_unknown_members_pass if {
	inp := {"resource": {"google_storage_bucket_iam_binding": {"x": [{"bucket": "b", "role": "r", "members": "${var.members}"}]}, "google_storage_bucket_iam_policy": {"y": [{"bucket": "b", "policy_data": "${var.policy}"}]}}}
	count(p.deny) == 0 with input as inp
}

test_policy_from_data_source_fails if {
	inp := {
		"data": {"google_iam_policy": {"public": [{"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]}]}},
		"resource": {"google_storage_bucket_iam_policy": {"p": [{"bucket": "b", "policy_data": "${data.google_iam_policy.public.policy_data}"}]}},
	}
	count(p.deny) == 1 with input as inp
}

test_literal_policy_json_fails if {
	doc := json.marshal({"bindings": [{"role": "roles/storage.admin", "members": ["allAuthenticatedUsers"]}]})
	inp := {"resource": {"google_storage_bucket_iam_policy": {"p": [{"bucket": "b", "policy_data": doc}]}}}
	count(p.deny) == 1 with input as inp
}

test_acls_fail if {
	inp := {"resource": {
		"google_storage_bucket_acl": {"a": [{"bucket": "b", "role_entity": ["OWNER:user-me@example.com", "READER:allUsers"]}]},
		"google_storage_object_access_control": {"o": [{"bucket": "b", "object": "x", "role": "READER", "entity": "allAuthenticatedUsers"}]},
		"google_storage_default_object_acl": {"d": [{"bucket": "b", "predefined_acl": "publicRead"}]},
	}}
	count(p.deny) == 3 with input as inp
}

test_private_acl_passes if {
	inp := {"resource": {"google_storage_bucket_acl": {"a": [{"bucket": "b", "predefined_acl": "projectPrivate"}]}}}
	count(p.deny) == 0 with input as inp
}
