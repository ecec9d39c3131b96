package assure.gcp.gke_secrets_encryption_test

import data.assure.gcp.gke_secrets_encryption as p
import rego.v1

cluster(body) := {"resource": {"google_container_cluster": {"c": [object.union({"name": "c"}, body)]}}}

test_encrypted_passes if {
	count(p.deny) == 0 with input as cluster({"database_encryption": [{"state": "ENCRYPTED", "key_name": "${google_kms_crypto_key.k.id}"}]})
	count(p.deny) == 0 with input as cluster({"database_encryption": [{"state": "${var.state}", "key_name": "k"}]})
}

test_missing_or_decrypted_fails if {
	count(p.deny) == 1 with input as cluster({})
	count(p.deny) == 1 with input as cluster({"database_encryption": [{"state": "DECRYPTED", "key_name": ""}]})
}
