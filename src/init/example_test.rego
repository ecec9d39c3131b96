package example.k8s_owner_label_test

import data.example.k8s_owner_label
import rego.v1

deployment(labels) := {"kind": "Deployment", "metadata": {"name": "api", "labels": labels}}

test_missing_owner_fails if {
	count(k8s_owner_label.deny) == 1 with input as deployment({"app": "api"})
}

test_owner_passes if {
	count(k8s_owner_label.deny) == 0 with input as deployment({"owner": "payments"})
}

test_other_kinds_are_not_examined if {
	count(k8s_owner_label.resources) == 0 with input as {"kind": "Service", "metadata": {"name": "api"}}
}
