# Tests of the helper library policies/lib/kubernetes.rego.
package assure.lib.kubernetes_test

import data.assure.lib.kubernetes as k8s
import rego.v1

knative(containers) := {
	"apiVersion": "serving.knative.dev/v1",
	"kind": "Service",
	"metadata": {"name": "hello"},
	"spec": {"template": {"spec": {"containers": containers}}},
}

ids := {c.id | some c in k8s.containers}

entries := [c | some c in k8s.containers]

test_named_containers_keep_their_ids if {
	ids == {"Service/hello/container:app"} with input as knative([{"name": "app", "image": "a:1"}])
	c := entries[0] with input as knative([{"name": "app"}])
	c.name == "app"
}

test_unnamed_containers_are_examined_by_position if {
	ids == {"Service/hello/containers[0]"} with input as knative([{"image": "a:1"}])
	ids == {"Service/hello/containers[0]"} with input as knative([{"name": "", "image": "a:1"}])
	c := entries[0] with input as knative([{"image": "a:1"}])
	c.name == "containers[0]"
	c.list == "containers"
}

test_named_and_unnamed_in_every_list if {
	cj := {
		"kind": "CronJob",
		"metadata": {"name": "nightly"},
		"spec": {"jobTemplate": {"spec": {"template": {"spec": {
			"initContainers": [{"name": "setup"}, {"image": "migrate:1"}],
			"containers": [{"image": "job:1"}],
		}}}}},
	}
	ids == {"CronJob/nightly/initContainer:setup", "CronJob/nightly/initContainers[1]", "CronJob/nightly/containers[0]"} with input as cj
}

test_entries_that_are_not_containers_are_skipped if {
	ids == {"Service/hello/container:web"} with input as knative(["app", null, {"name": "web"}])
}
