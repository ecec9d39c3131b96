package assure.kubernetes.hostpath_test

import data.assure.kubernetes.hostpath as hp
import rego.v1

pod(volumes) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [], "volumes": volumes}}

test_host_path_fails if {
	count(hp.deny) == 1 with input as pod([{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}])
}

test_other_volumes_pass if {
	count(hp.deny) == 0 with input as pod([{"name": "tmp", "emptyDir": {}}])
}
