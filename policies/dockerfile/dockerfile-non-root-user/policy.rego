# METADATA
# title: Container images run as a non-root user
# description: >-
#   An image whose final stage sets no USER, or sets root, starts its process
#   as root unless every runtime overrides it.
# custom:
#   id: dockerfile-non-root-user
#   severity: medium
#   soc2: [CC6.8]
#   soc1: []
#   inputs: [dockerfile]
#   remediation: Add a USER instruction with a non-root user (name or non-zero UID) to the final stage.
#   rationale:
#     CC6.8: >-
#       An image that runs as root gives any malicious or compromised code in it
#       root inside the container, one runtime flaw away from the host, where
#       CC6.8 expects non-root containers.
#   limitations: >-
#     The runtime can override the user (docker run --user, Kubernetes
#     runAsUser), and a USER set in the base image is not seen, so a final stage
#     without USER is reported even if its base image sets a non-root user.
package assure.dockerfile.non_root_user

import data.assure.lib.dockerfile as df
import rego.v1

final_users := [i | some i in input; i.Cmd == "user"; i.Stage == df.final_stage]

resources contains df.stage_id(df.final_stage) if count(df.froms) > 0

root(user) if {
	name := split(user, ":")[0]
	name in {"root", "0"}
}

deny contains {"msg": msg, "resource": df.stage_id(df.final_stage)} if {
	count(df.froms) > 0
	count(final_users) == 0
	msg := "the final stage sets no USER, so the container runs as root"
}

deny contains {"msg": msg, "resource": df.stage_id(df.final_stage), "_loc": {"line": last.Line}} if {
	count(final_users) > 0
	last := final_users[count(final_users) - 1]
	root(last.Value[0])
	msg := sprintf("the final stage runs as %s", [last.Value[0]])
}
