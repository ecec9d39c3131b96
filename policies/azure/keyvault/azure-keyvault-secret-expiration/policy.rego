# METADATA
# title: Key Vault secrets have an expiration date
# description: >-
#   Secrets without an expiration date (passwords, connection strings, API
#   keys) tend never to be rotated, so a leaked one stays usable
#   indefinitely.
# custom:
#   id: azure-keyvault-secret-expiration
#   severity: low
#   soc2: [CC6.1]
#   soc1: [ITGC-LA-1]
#   inputs: [terraform]
#   resource_types: [azurerm_key_vault_secret]
#   remediation: Set expiration_date on the secret and rotate it before it expires (Event Grid near-expiry events can trigger the rotation).
#   rationale:
#     CC6.1: Credentials with a bounded lifetime limit the access an old or leaked secret grants.
#     ITGC-LA-1: Credentials to financial systems kept in secrets that never expire are not periodically renewed.
#   limitations: >-
#     Rotation managed outside Terraform (with expiration dates set by the
#     rotating job) makes this a false finding: suppress it with a reason.
package assure.azure.keyvault_secret_expiration

import data.assure.lib.terraform as tf
import rego.v1

resources contains s.id if some s in tf.resources("azurerm_key_vault_secret")

deny contains {"msg": msg, "resource": s.id} if {
	some s in tf.resources("azurerm_key_vault_secret")
	not present(object.get(s.body, "expiration_date", null))
	msg := sprintf("secret %s has no expiration_date", [s.name])
}

# A value that is set: not null (a variable left at null means the provider default).
present(v) if {
	v != null
	v != ""
}
