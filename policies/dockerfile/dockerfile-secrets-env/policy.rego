# METADATA
# title: Images do not carry secrets in ENV or ARG
# description: >-
#   ENV values are baked into every layer after them and shown by docker
#   inspect; ARG values stay in the image history. Neither is a place for a
#   password or token.
# custom:
#   id: dockerfile-secrets-env
#   severity: high
#   soc2: [CC6.1, C1.1]
#   soc1: [ITGC-LA-1]
#   inputs: [dockerfile]
#   remediation: Pass secrets at run time (orchestrator secrets) or at build time with RUN --mount=type=secret.
#   rationale:
#     CC6.1: >-
#       A password or token baked into an image is readable by anyone who can
#       pull it (docker inspect, image history), so the access it grants is no
#       longer restricted to authorized users.
#     C1.1: >-
#       The secret is confidential information stored in clear text in every copy
#       of the image and in the registry.
#     ITGC-LA-1: >-
#       Anyone with access to the image obtains credentials for the systems they
#       unlock, outside the access the organization granted.
#   limitations: >-
#     Secrets are recognised by setting names and known key formats, so unusual
#     names are missed and references or placeholders are not reported; secrets
#     copied into files or passed in RUN commands are not examined.
package assure.dockerfile.secrets

import data.assure.lib.dockerfile as df
import data.assure.lib.secrets
import rego.v1

resources contains df.stage_id(df.final_stage) if count(df.froms) > 0

# ENV: Value alternates names and values.
deny contains {"msg": msg, "resource": df.stage_id(i.Stage), "_loc": {"line": i.Line}} if {
	some i in input
	i.Cmd == "env"
	some k in numbers.range(0, count(i.Value) - 1)
	k % 2 == 0
	name := i.Value[k]
	secrets.secret_name(name)
	secrets.secret_value(i.Value[k + 1])
	msg := sprintf("ENV sets %s to a literal value", [name])
}

# ARG NAME=default: a default value for a secret is a secret in the image.
deny contains {"msg": msg, "resource": df.stage_id(i.Stage), "_loc": {"line": i.Line}} if {
	some i in input
	i.Cmd == "arg"
	some v in i.Value
	[name, value] := split(v, "=")
	secrets.secret_name(name)
	secrets.secret_value(value)
	msg := sprintf("ARG %s has a default value", [name])
}
