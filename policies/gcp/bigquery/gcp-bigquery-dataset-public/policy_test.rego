package assure.gcp.bigquery_dataset_public_test

import data.assure.gcp.bigquery_dataset_public as p
import rego.v1

dataset(access) := {"resource": {"google_bigquery_dataset": {"d": [{"dataset_id": "d", "access": access}]}}}

test_special_group_fails if {
	count(p.deny) == 1 with input as dataset([{"role": "OWNER", "user_by_email": "a@example.com"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}])
	count(p.deny) == 1 with input as dataset([{"role": "READER", "iam_member": "allUsers"}])
}

test_private_access_passes if {
	count(p.deny) == 0 with input as dataset([{"role": "READER", "special_group": "projectReaders"}, {"role": "WRITER", "group_by_email": "data@example.com"}])
	count(p.deny) == 0 with input as dataset("${var.access}")
}

test_iam_fails if {
	inp := {"resource": {"google_bigquery_table_iam_member": {"m": [{"dataset_id": "d", "table_id": "t", "role": "roles/bigquery.dataViewer", "member": "allUsers"}]}}}
	count(p.deny) == 1 with input as inp
}

test_dataset_access_resource_fails if {
	inp := {"resource": {"google_bigquery_dataset_access": {"a": [{"dataset_id": "d", "role": "READER", "special_group": "allAuthenticatedUsers"}]}}}
	count(p.deny) == 1 with input as inp
}

test_unknown_passes if {
	inp := {"resource": {"google_bigquery_dataset_iam_binding": {"b": [{"dataset_id": "d", "role": "r", "members": "${var.members}"}]}}}
	count(p.deny) == 0 with input as inp
}
