package assure.kubernetes.resource_requests_test

import data.assure.kubernetes.resource_requests as req
import rego.v1

pod(resources) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "resources": resources}]}}

test_missing_requests_fail if {
	count(req.deny) == 2 with input as pod({})
}

test_requests_or_limits_pass if {
	count(req.deny) == 0 with input as pod({"requests": {"cpu": "100m", "memory": "128Mi"}})
	count(req.deny) == 0 with input as pod({"limits": {"cpu": "1", "memory": "1Gi"}})
}
