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

test_non_zero_user_passes_without_run_as_non_root if {
	count(nonroot.deny) == 0 with input as pod({}, {"securityContext": {"runAsUser": 1000}})
	count(nonroot.deny) == 0 with input as pod({"runAsUser": 65534}, {})
}

test_container_user_overrides_pod_root_user if {
	count(nonroot.deny) == 0 with input as pod({"runAsUser": 0}, {"securityContext": {"runAsUser": 1000}})
}

test_container_root_user_overrides_pod_user if {
	some f in nonroot.deny with input as pod({"runAsUser": 1000}, {"securityContext": {"runAsUser": 0}})
	f.attribute == "securityContext.runAsUser"
}

test_root_user_is_one_finding if {
	count(nonroot.deny) == 1 with input as pod({}, {"securityContext": {"runAsUser": 0}})
}

test_user_that_is_not_a_number_is_not_trusted if {
	count(nonroot.deny) == 1 with input as pod({}, {"securityContext": {"runAsUser": "{{ .Values.uid }}"}})
}

test_init_container_with_a_containers_name_has_its_own_id if {
	doc := {"kind": "Job", "metadata": {"name": "j"}, "spec": {"template": {"spec": {
		"containers": [{"name": "app", "securityContext": {"runAsNonRoot": true}}],
		"initContainers": [{"name": "app"}],
	}}}}
	ids := {f.resource | some f in nonroot.deny} with input as doc
	ids == {"Job/j/initContainer:app"}
	nonroot.resources == {"Job/j/container:app", "Job/j/initContainer:app"} with input as doc
}

test_custom_resource_with_a_pod_template_is_examined if {
	doc := {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": {"name": "r"}, "spec": {"template": {"spec": {"containers": [{"name": "web"}]}}}}
	{f.resource | some f in nonroot.deny} == {"Rollout/r/container:web"} with input as doc
}
