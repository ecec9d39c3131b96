# METADATA
# title: Images that serve a port declare a HEALTHCHECK
# description: >-
#   A service image without a health check looks healthy to Docker and
#   Compose while it hangs; the check is what lets the runtime restart it.
#   Images that EXPOSE no port (jobs, tools) are not examined.
# custom:
#   id: dockerfile-healthcheck
#   severity: low
#   soc2: [CC7.2]
#   soc1: [ITGC-OP-2]
#   inputs: [dockerfile]
#   remediation: Add a HEALTHCHECK to the final stage (or HEALTHCHECK NONE when the orchestrator probes the service).
#   rationale:
#     CC7.2: >-
#       Without a health check a hung service still looks healthy to Docker and
#       Compose, so the failure of the component is not detected.
#     ITGC-OP-2: >-
#       A service that stops processing without exiting goes unnoticed, since the
#       runtime has no check that could mark it unhealthy for a restart or an
#       alert.
#   limitations: >-
#     Kubernetes ignores HEALTHCHECK and uses its own probes (see k8s-probes), so
#     the finding matters where Docker, Compose or Swarm runs the image; images
#     that expose no port are not examined, and what the check tests is not
#     judged.
package assure.dockerfile.healthcheck

import data.assure.lib.dockerfile as df
import rego.v1

serves if {
	some i in input
	i.Cmd == "expose"
	i.Stage == df.final_stage
}

has_healthcheck if {
	some i in input
	i.Cmd == "healthcheck"
	i.Stage == df.final_stage
}

resources contains df.stage_id(df.final_stage) if serves

deny contains {"msg": "the image exposes a port but declares no HEALTHCHECK", "resource": df.stage_id(df.final_stage)} if {
	serves
	not has_healthcheck
}
