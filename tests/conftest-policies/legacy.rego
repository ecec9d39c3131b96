# Rego v0, as older conftest policies are written.
package main

deny_latest[msg] {
	input.kind == "Deployment"
	container := input.spec.template.spec.containers[_]
	endswith(container.image, ":latest")
	msg := sprintf("%s uses a latest image", [container.name])
}
