package assure.kubernetes.privilege_escalation_test

import data.assure.kubernetes.privilege_escalation as pe
import rego.v1

pod(ctx) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "securityContext": ctx}]}}

test_unset_and_true_fail if {
	count(pe.deny) == 1 with input as pod({})
	count(pe.deny) == 1 with input as pod({"allowPrivilegeEscalation": true})
}

test_false_passes if {
	count(pe.deny) == 0 with input as pod({"allowPrivilegeEscalation": false})
}
