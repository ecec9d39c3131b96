package assure.kubernetes.network_policy_test

import data.assure.kubernetes.network_policy as np
import rego.v1

deployment := {"kind": "Deployment", "metadata": {"name": "api", "namespace": "billing"}, "spec": {"template": {"spec": {"containers": []}}}}

test_namespace_without_policy_fails if {
	inv := {"other": {"NetworkPolicy": ["deny-all"]}, "billing": {"Deployment": ["api"]}}
	count(np.deny) == 1 with input as deployment with data.inventory.kubernetes_by_namespace as inv
	count(np.deny) == 1 with input as deployment
}

test_namespace_with_policy_passes if {
	inv := {"billing": {"Deployment": ["api"], "NetworkPolicy": ["deny-all"]}}
	count(np.deny) == 0 with input as deployment with data.inventory.kubernetes_by_namespace as inv
}

test_namespace_defaults_to_default if {
	pod_spec := {"template": {"spec": {"containers": []}}}
	unnamespaced := {"kind": "Deployment", "metadata": {"name": "api"}, "spec": pod_spec}
	count(np.deny) == 0 with input as unnamespaced with data.inventory.kubernetes_by_namespace as {"default": {"NetworkPolicy": ["x"]}}
	count(np.deny) == 1 with input as unnamespaced with data.inventory.kubernetes_by_namespace as {"billing": {"NetworkPolicy": ["x"]}}
}
