package assure.kubernetes.readonly_root_test

import data.assure.kubernetes.readonly_root as ro
import rego.v1

pod(ctx) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "securityContext": ctx}]}}

test_writable_fails if {
	count(ro.deny) == 1 with input as pod({})
}

test_read_only_passes if {
	count(ro.deny) == 0 with input as pod({"readOnlyRootFilesystem": true})
}
