package assure.gcp.storage_cmek_test

import data.assure.gcp.storage_cmek as p
import rego.v1

bucket(body) := {"resource": {"google_storage_bucket": {"b": [body]}}}

test_cmek_passes if {
	count(p.deny) == 0 with input as bucket({"name": "x", "encryption": [{"default_kms_key_name": "${google_kms_crypto_key.k.id}"}]})
}

test_missing_fails if {
	count(p.deny) == 1 with input as bucket({"name": "x"})
	count(p.deny) == 1 with input as bucket({"name": "x", "encryption": [{}]})
}
