package assure.kubernetes.run_as_non_root_test

import data.assure.kubernetes.run_as_non_root as nonroot
import rego.v1

pod(pod_ctx, container) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": pod_ctx, "containers": [object.union({"name": "c"}, container)]}}

test_default_fails if {
	count(nonroot.deny) == 1 with input as pod({}, {})
}

test_pod_level_setting_passes if {
	count(nonroot.deny) == 0 with input as pod({"runAsNonRoot": true}, {})
}

test_container_overrides_pod if {
	count(nonroot.deny) == 1 with input as pod({"runAsNonRoot": true}, {"securityContext": {"runAsNonRoot": false}})
}

test_uid_zero_fails_even_with_non_root if {
	count(nonroot.deny) == 1 with input as pod({"runAsNonRoot": true}, {"securityContext": {"runAsUser": 0}})
}
