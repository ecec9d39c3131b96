package assure.kubernetes.network_policy_test

import data.assure.kubernetes.network_policy as np
import rego.v1

deployment := {"kind": "Deployment", "metadata": {"name": "api", "namespace": "billing"}, "spec": {"template": {"spec": {"containers": []}}}}

test_namespace_without_policy_fails if {
	inv := [{"kind": "NetworkPolicy", "namespace": "other"}]
	count(np.deny) == 1 with input as deployment with data.inventory.kubernetes as inv
	count(np.deny) == 1 with input as deployment
}

test_namespace_with_policy_passes if {
	inv := [{"kind": "Deployment", "namespace": "billing"}, {"kind": "NetworkPolicy", "namespace": "billing"}]
	count(np.deny) == 0 with input as deployment with data.inventory.kubernetes as inv
}
