package assure.gcp.kms_public_access_test

import data.assure.gcp.kms_public_access as p
import rego.v1

test_public_member_fails if {
	inp := {"resource": {"google_kms_crypto_key_iam_member": {"m": [{"crypto_key_id": "k", "role": "roles/cloudkms.cryptoKeyEncrypterDecrypter", "member": "allUsers"}]}}}
	count(p.deny) == 1 with input as inp
}

test_public_binding_on_ring_fails if {
	inp := {"resource": {"google_kms_key_ring_iam_binding": {"b": [{"key_ring_id": "r", "role": "roles/cloudkms.viewer", "members": ["allAuthenticatedUsers"]}]}}}
	count(p.deny) == 1 with input as inp
}

test_policy_data_source_fails if {
	inp := {
		"data": {"google_iam_policy": {"kms": [{"binding": [{"role": "roles/cloudkms.admin", "members": ["allUsers"]}]}]}},
		"resource": {"google_kms_key_ring_iam_policy": {"p": [{"key_ring_id": "r", "policy_data": "${data.google_iam_policy.kms.policy_data}"}]}},
	}
	count(p.deny) == 1 with input as inp
}

test_named_members_pass if {
	inp := {"resource": {"google_kms_crypto_key_iam_binding": {"b": [{"crypto_key_id": "k", "role": "r", "members": ["serviceAccount:app@p.iam.gserviceaccount.com"]}]}}}
	count(p.deny) == 0 with input as inp
	count(p.resources) == 1 with input as inp
}

test_unknown_pass if {
	inp := {"resource": {"google_kms_crypto_key_iam_binding": {"b": [{"crypto_key_id": "k", "role": "r", "members": "${var.members}"}]}, "google_kms_crypto_key_iam_policy": {"p": [{"policy_data": "${var.policy}"}]}}}
	count(p.deny) == 0 with input as inp
}
