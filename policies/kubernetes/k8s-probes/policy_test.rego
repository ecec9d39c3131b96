package assure.kubernetes.probes_test

import data.assure.kubernetes.probes
import rego.v1

deployment(container) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"spec": {"containers": [object.union({"name": "c"}, container)]}}}}

test_missing_probes_fail if {
	count(probes.deny) == 2 with input as deployment({})
}

test_probes_pass_and_jobs_are_not_examined if {
	count(probes.deny) == 0 with input as deployment({"livenessProbe": {"httpGet": {"path": "/live", "port": 8080}}, "readinessProbe": {"httpGet": {"path": "/ready", "port": 8080}}})
	count(probes.resources) == 0 with input as {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"containers": [{"name": "c"}]}}}}
}

test_unnamed_knative_container_and_not_init_containers if {
	ksvc := {"apiVersion": "serving.knative.dev/v1", "kind": "Configuration", "metadata": {"name": "k"}, "spec": {"template": {"spec": {
		"initContainers": [{"name": "setup"}],
		"containers": [{"image": "k:1"}],
	}}}}
	probes.resources == {"Configuration/k/containers[0]"} with input as ksvc
	{d.attribute | some d in probes.deny} == {"livenessProbe", "readinessProbe"} with input as ksvc
}
