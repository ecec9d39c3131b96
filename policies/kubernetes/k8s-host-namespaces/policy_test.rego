package assure.kubernetes.host_namespaces_test

import data.assure.kubernetes.host_namespaces as hn
import rego.v1

deployment(spec) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": object.union({"containers": []}, spec)}}}

test_host_network_and_pid_fail if {
	count(hn.deny) == 2 with input as deployment({"hostNetwork": true, "hostPID": true})
}

test_isolated_pod_passes if {
	count(hn.deny) == 0 with input as deployment({"hostNetwork": false})
	hn.resources == {"Deployment/d"} with input as deployment({})
}
