package assure.kubernetes.resource_limits_test

import data.assure.kubernetes.resource_limits as lim
import rego.v1

pod(resources) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "resources": resources}]}}

test_missing_limits_fail if {
	count(lim.deny) == 2 with input as pod({})
	count(lim.deny) == 1 with input as pod({"limits": {"memory": "256Mi"}})
}

test_limits_pass if {
	count(lim.deny) == 0 with input as pod({"limits": {"cpu": "500m", "memory": "256Mi"}})
}
