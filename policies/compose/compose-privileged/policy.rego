# METADATA
# title: Compose services do not run privileged or with host namespaces
# description: >-
#   privileged, network_mode host and pid host give a service the host's
#   devices, network or processes: a compromise of the service is a
#   compromise of the host.
# custom:
#   id: compose-privileged
#   severity: high
#   soc2: [CC6.8]
#   soc1: [ITGC-LA-2]
#   inputs: [compose]
#   remediation: Remove privileged, network_mode host and pid host; grant specific capabilities with cap_add if needed.
#   rationale:
#     CC6.8: >-
#       A privileged service, or one in the host's network, PID or IPC namespace,
#       loses the container's isolation, so malicious code in it can act on the
#       host.
#     ITGC-LA-2: >-
#       Privileged mode or host namespaces give the service, and whoever
#       compromises it, administrative access to the host it runs on.
#   limitations: >-
#     Options given on the command line, in override files that are not scanned
#     or by an orchestrator are not seen; cap_add, devices and host bind mounts
#     such as the Docker socket are not examined.
package assure.compose.privileged

import rego.v1

services := object.get(input, "services", {})

resources contains sprintf("services.%s", [name]) if some name, _ in services

deny contains {"msg": msg, "resource": sprintf("services.%s", [name]), "attribute": "privileged"} if {
	some name, svc in services
	svc.privileged == true
	msg := sprintf("service %s runs privileged", [name])
}

deny contains {"msg": msg, "resource": sprintf("services.%s", [name]), "attribute": key} if {
	some name, svc in services
	some key in ["network_mode", "pid", "ipc"]
	svc[key] == "host"
	msg := sprintf("service %s uses the host's %s namespace", [name, key])
}
