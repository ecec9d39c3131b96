# METADATA
# title: Compose services do not set secrets as literal environment values
# description: >-
#   A password or token written in a Compose file's environment is in the
#   repository and in every copy of it, and docker inspect shows it to anyone
#   on the host; Compose can interpolate it from the shell or mount it as a
#   secret instead.
# custom:
#   id: compose-environment-secrets
#   severity: high
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [compose]
#   remediation: >-
#     Reference the value (${DB_PASSWORD}, set outside the repository, or an
#     env_file that is not committed) or use Compose secrets (secrets: with a
#     file or an external secret and the image's *_FILE variable); rotate the
#     value that was committed.
#   rationale:
#     CC6.1: A credential readable by anyone with access to the repository or the host's container metadata is outside the access controls that should protect it.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents.
#     ITGC-LA-1: Access is not restricted to authorized, authenticated users when working credentials are readable in the source code.
#   limitations: >-
#     A variable is reported when its name says it holds a secret and its value
#     is a literal, or when its value has a provider key format; values from
#     env_file and interpolated ${VAR} values (with their defaults) are not
#     read. A literal meant only for a local development database is reported
#     too: waive it if the file never reaches a shared environment.
package assure.secrets.compose_environment_secrets

import data.assure.lib.secrets
import rego.v1

services := s if {
	s := object.get(input, "services", {})
	is_object(s)
} else := {}

resources contains sprintf("services.%s", [name]) if some name, _ in services

# environment as a map: KEY: value.
entries contains {"service": name, "name": key, "value": value, "attribute": sprintf("environment.%s", [key])} if {
	some name, svc in services
	is_object(svc)
	environment := object.get(svc, "environment", {})
	is_object(environment)
	some key, value in environment
}

# environment as a list: "KEY=value" (a bare KEY takes the shell's value).
entries contains {"service": name, "name": key, "value": value, "attribute": sprintf("environment[%d]", [i])} if {
	some name, svc in services
	is_object(svc)
	environment := object.get(svc, "environment", [])
	is_array(environment)
	some i, item in environment
	is_string(item)
	eq := indexof(item, "=")
	eq > 0
	key := substring(item, 0, eq)
	value := substring(item, eq + 1, -1)
}

deny contains {"msg": msg, "resource": sprintf("services.%s", [e.service]), "attribute": e.attribute} if {
	some e in entries
	what := secrets.describe(e.name, e.value)
	msg := sprintf("service %s sets %s to %s", [e.service, e.name, what])
}
