package assure.gcp.kms_key_rotation_test

import data.assure.gcp.kms_key_rotation as p
import rego.v1

key(body) := {"resource": {"google_kms_crypto_key": {"k": [object.union({"name": "k", "key_ring": "r"}, body)]}}}

test_90_days_passes if {
	count(p.deny) == 0 with input as key({"rotation_period": "7776000s"})
	count(p.deny) == 0 with input as key({"rotation_period": "2592000s"})
}

test_missing_fails if {
	count(p.deny) == 1 with input as key({})
}

test_long_period_fails if {
	count(p.deny) == 1 with input as key({"rotation_period": "31536000s"})
}

test_asymmetric_and_external_skipped if {
	count(p.resources) == 0 with input as key({"purpose": "ASYMMETRIC_SIGN"})
	count(p.resources) == 0 with input as key({"version_template": [{"algorithm": "EXTERNAL_SYMMETRIC_ENCRYPTION", "protection_level": "EXTERNAL"}]})
}

test_unknown_passes if {
	count(p.deny) == 0 with input as key({"rotation_period": "${var.rotation}"})
}
