package assure.gcp.iam_service_account_keys_test

import data.assure.gcp.iam_service_account_keys as p
import rego.v1

test_key_fails if {
	count(p.deny) == 1 with input as {"resource": {"google_service_account_key": {"k": [{"service_account_id": "${google_service_account.app.name}"}]}}}
}

test_no_key_passes if {
	count(p.deny) == 0 with input as {"resource": {"google_service_account": {"app": [{"account_id": "app"}]}}}
}
