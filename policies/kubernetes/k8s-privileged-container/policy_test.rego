package assure.kubernetes.privileged_test

import data.assure.kubernetes.privileged
import rego.v1

deployment(container) := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"template": {"spec": {"containers": [container]}}}}

test_privileged_fails if {
	count(privileged.deny) == 1 with input as deployment({"name": "api", "securityContext": {"privileged": true}})
}

test_unprivileged_passes if {
	count(privileged.deny) == 0 with input as deployment({"name": "api"})
	privileged.resources == {"Deployment/web/container:api"} with input as deployment({"name": "api"})
}

test_cronjob_pod_spec if {
	cj := {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "x", "securityContext": {"privileged": true}}]}}}}}}
	count(privileged.deny) == 1 with input as cj
}

test_non_workloads_are_not_examined if {
	count(privileged.resources) == 0 with input as {"kind": "Service", "metadata": {"name": "s"}, "spec": {}}
}

test_unnamed_knative_container if {
	ksvc := {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "metadata": {"name": "hello"}, "spec": {"template": {"spec": {"containers": [{"image": "hello:1", "securityContext": {"privileged": true}}]}}}}
	privileged.resources == {"Service/hello/containers[0]"} with input as ksvc
	privileged.deny == {{
		"msg": "container containers[0] of Service/hello runs privileged",
		"resource": "Service/hello/containers[0]",
		"attribute": "securityContext.privileged",
	}} with input as ksvc
}
