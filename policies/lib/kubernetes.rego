# Helpers for controls over Kubernetes manifests: the pod spec of every
# workload kind, and its containers with a resource id assure can locate
# (Kind/name/container:NAME).
package assure.lib.kubernetes

import rego.v1

pod_spec := input.spec if input.kind == "Pod"

pod_spec := input.spec.template.spec if input.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"}

pod_spec := input.spec.jobTemplate.spec.template.spec if input.kind == "CronJob"

workload_id := sprintf("%s/%s", [input.kind, input.metadata.name])

is_workload if pod_spec

# Containers and init containers, as {id, name, container}.
containers contains c if {
	some list in ["containers", "initContainers"]
	some container in pod_spec[list]
	c := {
		"id": sprintf("%s/container:%s", [workload_id, container.name]),
		"name": container.name,
		"container": container,
	}
}

# Path of the pod spec inside the document, for attribute locations.
pod_spec_path := "spec" if input.kind == "Pod"

pod_spec_path := "spec.template.spec" if input.kind in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"}

pod_spec_path := "spec.jobTemplate.spec.template.spec" if input.kind == "CronJob"

# Long-running workloads (not Jobs or bare Pods), which serve traffic.
is_service_workload if input.kind in {"Deployment", "StatefulSet", "DaemonSet"}
