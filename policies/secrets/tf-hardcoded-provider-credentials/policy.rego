# METADATA
# title: Terraform providers and backends do not hold credentials
# description: >-
#   A provider or backend block with a literal access key, secret or token puts
#   working cloud credentials in the repository and in every clone, fork and
#   log of it: whoever can read the code can act in the account as the pipeline.
# custom:
#   id: tf-hardcoded-provider-credentials
#   severity: critical
#   soc2: [CC6.1, CC6.8]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [provider, terraform]
#   remediation: >-
#     Remove the credentials from the block and let the provider find them in
#     its environment: a role assumed through OIDC in CI, a shared profile or
#     environment variables on workstations; rotate the key that was committed.
#   rationale:
#     CC6.1: Credentials readable by anyone with access to the repository bypass the logical access controls that are meant to protect the cloud account.
#     CC6.8: Secrets committed to code are what the criterion's no-secrets-in-code practice prevents, since they let anyone make unauthorized changes with the pipeline's identity.
#     ITGC-LA-1: Access to the systems is no longer restricted to authorized, authenticated users when their credentials are in the source code.
#   limitations: >-
#     Only values written in the configuration (or in variable defaults and
#     tfvars files scanned with it) are seen; a credential passed on the command
#     line or through the environment is not, and a committed key that was
#     already revoked is reported all the same. With several blocks of one
#     provider (aliases), findings point at the first block of that provider
#     and name the alias in the message. In a plan (`terraform show -json`),
#     provider settings are read from its configuration section; a plan
#     holds no backend settings, so backends are judged only in HCL.
package assure.secrets.tf_hardcoded_provider_credentials

import data.assure.lib.secrets
import rego.v1

# Provider and terraform blocks are not resources: resource_types names
# them as blocks, so the control runs on every module that has one.
# Each configuration of a provider is addressed as assure locates it:
# provider.aws, and provider.aws.west for the block with alias "west".
blocks contains {"id": provider_id(ptype, body), "what": sprintf("provider %s", [ptype]), "body": body} if {
	providers := object.get(input, "provider", {})
	is_object(providers)
	some ptype, bodies in providers
	is_array(bodies)
	some body in bodies
	is_object(body)
}

provider_id(ptype, body) := sprintf("provider.%s.%s", [ptype, body.alias]) if is_string(body.alias)

else := sprintf("provider.%s", [ptype])

blocks contains {"id": "terraform", "what": "terraform backend", "body": {"backend": backend}} if {
	terraform := object.get(input, "terraform", [])
	is_array(terraform)
	some t in terraform
	is_object(t)
	backend := object.get(t, "backend", {})
	is_object(backend)
	count(backend) > 0
}

resources contains b.id if some b in blocks

# Every string in a block, with the name of the setting it is under and its
# attribute path (nested block indexes dropped, as the locator records them).
settings(body) := {s |
	walk(body, [path, value])
	is_string(value)
	names := [k | some k in path; is_string(k)]
	count(names) > 0
	s := {"name": names[count(names) - 1], "value": value, "attribute": concat(".", names)}
}

alias(body) := sprintf(" (alias %s)", [body.alias]) if is_string(body.alias)

else := ""

deny contains {"msg": msg, "resource": b.id, "attribute": s.attribute} if {
	some b in blocks
	some s in settings(b.body)
	what := secrets.describe(s.name, s.value)
	msg := sprintf("%s%s sets %s to %s", [b.what, alias(b.body), s.attribute, what])
}
