package assure.gcp.bigquery_cmek_test

import data.assure.gcp.bigquery_cmek as p
import rego.v1

test_cmek_passes if {
	inp := {"resource": {"google_bigquery_dataset": {"d": [{"dataset_id": "d", "default_encryption_configuration": [{"kms_key_name": "${google_kms_crypto_key.k.id}"}]}]}}}
	count(p.deny) == 0 with input as inp
}

test_missing_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_bigquery_dataset": {"d": [{"dataset_id": "d"}]}}}
}
