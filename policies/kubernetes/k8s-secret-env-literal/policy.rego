# METADATA
# title: Secrets are not written as literal environment values
# description: >-
#   A password or token written in a manifest is in the repository, its
#   history and every copy of it; it belongs in a Secret referenced with
#   valueFrom.
# custom:
#   id: k8s-secret-env-literal
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [kubernetes]
#   resource_types: [pod-spec]
#   remediation: Move the value to a Secret (or an external secret store) and reference it with valueFrom.secretKeyRef.
#   rationale:
#     CC6.1: >-
#       A password or token written in a manifest is readable by everyone with
#       access to the repository and its history, so the access it grants is no
#       longer restricted to authorized users.
#     C1.1: >-
#       The secret is confidential information kept in clear text in the
#       repository, its history and every clone.
#     ITGC-LA-1: >-
#       Everyone who can read the manifest obtains credentials for the systems
#       they unlock, outside the access the organization granted.
#   limitations: >-
#     Secrets are recognised by variable names and known key formats, so unusual
#     names are missed and references or placeholders are not reported; values in
#     ConfigMaps, arguments or mounted files are not examined.
package assure.kubernetes.secret_env

import data.assure.lib.kubernetes as k8s
import data.assure.lib.secrets
import rego.v1

resources contains c.id if some c in k8s.containers

deny contains {"msg": msg, "resource": c.id, "attribute": sprintf("env[%d].value", [i])} if {
	some c in k8s.containers
	some i, e in c.container.env
	secrets.secret_name(e.name)
	secrets.secret_value(e.value)
	msg := sprintf("container %s of %s sets %s to a literal value", [c.name, k8s.workload_id, e.name])
}
