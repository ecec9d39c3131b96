# A policy as a conftest user writes it: package main, no METADATA.
package main

import rego.v1

deny contains msg if {
	input.kind == "Deployment"
	not input.spec.template.spec.securityContext.runAsNonRoot
	msg := sprintf("Containers must not run as root in Deployment %s", [input.metadata.name])
}

warn contains msg if {
	input.kind == "Service"
	input.spec.type == "LoadBalancer"
	msg := sprintf("Service %s is exposed through a load balancer", [input.metadata.name])
}
