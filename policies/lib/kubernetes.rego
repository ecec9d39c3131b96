# Helpers for controls over Kubernetes manifests: the pod spec of anything
# that runs pods, and its containers with a resource id assure can locate.
package assure.lib.kubernetes

import rego.v1

# The pod spec of a Pod, of a CronJob's job template, or of any object
# with a pod template at spec.template (Deployment, StatefulSet,
# DaemonSet, ReplicaSet, Job, ReplicationController, and custom resources
# built the same way: Argo Rollout, Knative Service and Configuration...),
# or of a PodTemplate.
pod_spec := input.spec if input.kind == "Pod"

pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

pod_spec := input.template.spec if input.kind == "PodTemplate"

pod_spec := input.spec.template.spec if {
	not input.kind in {"Pod", "CronJob", "PodTemplate"}
	is_array(input.spec.template.spec.containers)
}

# Path of the pod spec inside the document, for attribute locations.
pod_spec_path := "spec" if input.kind == "Pod"

pod_spec_path := "spec.jobTemplate.spec.template.spec" if input.kind == "CronJob"

pod_spec_path := "template.spec" if input.kind == "PodTemplate"

pod_spec_path := "spec.template.spec" if {
	not input.kind in {"Pod", "CronJob", "PodTemplate"}
	is_array(input.spec.template.spec.containers)
}

workload_id := sprintf("%s/%s", [input.kind, input.metadata.name])

is_workload if pod_spec

# How each list of a pod spec names its containers in resource ids: an
# init container and a container may share a name, never an id.
container_lists := {
	"containers": "container",
	"initContainers": "initContainer",
	"ephemeralContainers": "ephemeralContainer",
}

# Every container, init container and ephemeral container, as
# {id, name, container, list}: id is Kind/name/container:NAME (or
# initContainer:NAME, ephemeralContainer:NAME), which assure maps to the
# container's line. A container with no name (Knative allows it, and some
# single-container templates leave it out) is examined too, named by its
# list and index: Kind/name/containers[0] (assure maps that to the
# container's line as well), named containers[0] in messages.
containers contains c if {
	some list, label in container_lists
	some container in pod_spec[list]
	name := container.name
	is_string(name)
	name != ""
	c := {
		"id": sprintf("%s/%s:%s", [workload_id, label, name]),
		"name": name,
		"container": container,
		"list": list,
	}
}

containers contains c if {
	some list, _ in container_lists
	some i, container in pod_spec[list]
	is_object(container)
	not named(container)
	position := sprintf("%s[%d]", [list, i])
	c := {
		"id": sprintf("%s/%s", [workload_id, position]),
		"name": position,
		"container": container,
		"list": list,
	}
}

named(container) if {
	is_string(container.name)
	container.name != ""
}

# Long-running workloads (not Jobs or bare Pods), which serve traffic.
is_service_workload if input.kind in {"Deployment", "StatefulSet", "DaemonSet", "Rollout"}

is_service_workload if {
	input.kind in {"Service", "Configuration"}
	startswith(object.get(input, "apiVersion", ""), "serving.knative.dev/")
}
