# METADATA
# title: Storage accounts require TLS 1.2 or later
# description: >-
#   TLS 1.0 and 1.1 have known weaknesses and are no longer supported by
#   current clients; an account that still accepts them lets a downgraded
#   connection carry its data and keys.
# custom:
#   id: azure-storage-min-tls
#   severity: medium
#   soc2: [CC6.7]
#   soc1: [ITGC-LA-3]
#   inputs: [terraform]
#   resource_types: [azurerm_storage_account]
#   remediation: Set min_tls_version = "TLS1_2" on the storage account, or remove the attribute (TLS1_2 is the default from azurerm v3).
#   rationale:
#     CC6.7: Accepting deprecated TLS versions weakens the encryption that protects data in transit.
#     ITGC-LA-3: Financial data moved over a weak protocol version is exposed to interception and tampering.
#   limitations: >-
#     An absent min_tls_version passes, as azurerm v3 and later default to
#     TLS1_2; accounts created with azurerm v2 defaulted to TLS1_0 and keep
#     it until it is set. A value computed at apply time is not judged.
package assure.azure.storage_min_tls

import data.assure.lib.terraform as tf
import rego.v1

weak := {"TLS1_0", "TLS1_1"}

resources contains r.id if some r in tf.resources("azurerm_storage_account")

deny contains {"msg": msg, "resource": r.id, "attribute": "min_tls_version"} if {
	some r in tf.resources("azurerm_storage_account")
	v := object.get(r.body, "min_tls_version", "TLS1_2")
	v in weak
	msg := sprintf("storage account %s accepts %s (minimum should be TLS1_2)", [r.name, v])
}
