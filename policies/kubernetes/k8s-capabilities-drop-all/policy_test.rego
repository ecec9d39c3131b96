package assure.kubernetes.capabilities_test

import data.assure.kubernetes.capabilities as caps
import rego.v1

pod(ctx) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "securityContext": ctx}]}}

test_not_dropped_fails if {
	count(caps.deny) == 1 with input as pod({})
	count(caps.deny) == 1 with input as pod({"capabilities": {"drop": ["NET_RAW"]}})
}

test_drop_all_passes if {
	count(caps.deny) == 0 with input as pod({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}})
}
